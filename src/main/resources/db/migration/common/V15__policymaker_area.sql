-- dashboard: the area a policymaker belongs to: a municipality (CBS code GMxxxx) or the province (PV30, Noord-Brabant).
-- Set by an administrator; a policymaker without one sees no figures until it is set.
ALTER TABLE app_user ADD COLUMN policy_area VARCHAR(6);
