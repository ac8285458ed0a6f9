package nl.kunstloc.publieksdata.delivery.entity;

public enum FileFormat { CSV, XLSX }
