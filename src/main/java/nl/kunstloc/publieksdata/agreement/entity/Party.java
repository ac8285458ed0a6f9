package nl.kunstloc.publieksdata.agreement.entity;

/**
 * A party to the agreement as it appears in the document, with the person who signs for it.
 *
 * @param kvkNumber the 8-digit number in the Dutch chamber of commerce register
 * @param representativeRole e.g. "directeur"; printed after the representative's name
 */
public record Party(String name, String kvkNumber, String address, String representativeName, String representativeRole) {

    public Party {
        name = required(name, "name");
        kvkNumber = required(kvkNumber, "kvkNumber");
        address = required(address, "address");
        representativeName = required(representativeName, "representativeName");
        representativeRole = required(representativeRole, "representativeRole");
        // A wrong KvK number makes the party unidentifiable in the contract, so refuse it early.
        if (!kvkNumber.matches("\\d{8}")) {
            throw new IllegalArgumentException("a KvK number has 8 digits, was '" + kvkNumber + "'");
        }
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("party." + field + " is required");
        }
        return value.strip();
    }
}
