package nl.kunstloc.publieksdata.reference.entity;

import java.util.Objects;

/**
 * A municipality (gemeente) as CBS identifies it.
 *
 * @param code       CBS code, {@code GM} plus four digits, e.g. {@code GM0855}
 * @param name       official name, e.g. {@code Tilburg}
 * @param population registered inhabitants on the reference date of the loaded data (1 Jan 2023)
 */
public record Municipality(String code, String name, int population) {

    public Municipality {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        if (!code.matches("GM\\d{4}")) {
            throw new IllegalArgumentException("not a CBS municipality code: " + code);
        }
        if (population < 0) {
            throw new IllegalArgumentException("negative population for " + code);
        }
    }
}
