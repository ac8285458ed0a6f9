package nl.kunstloc.publieksdata.institution.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Objects;

/**
 * A place where the institution plays or exhibits. The postcode is checked and placed in its PC4
 * and municipality when the venue is added (see onboarding.control.Profiles).
 */
@Entity
@Table(name = "venue")
public class Venue {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "venue_seq")
    @SequenceGenerator(name = "venue_seq", sequenceName = "venue_seq", allocationSize = 50)
    private Long id;

    @Column(name = "institution_id", nullable = false)
    private Long institutionId;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String street;

    @Column(nullable = false)
    private String postcode;

    @Column(nullable = false)
    private String city;

    @Column(nullable = false)
    private String pc4;

    @Column(name = "municipality_code")
    private String municipalityCode;

    @Version
    private long version;

    protected Venue() {
    }

    /** @param postcode a normalised, valid Dutch postcode ("5038AB") */
    public Venue(Long institutionId, String name, String street, String postcode, String city, String municipalityCode) {
        this.institutionId = Objects.requireNonNull(institutionId);
        this.name = required(name, "name");
        this.street = required(street, "street");
        this.city = required(city, "city");
        if (postcode == null || !postcode.matches("[1-9]\\d{3}[A-Z]{2}")) {
            throw new IllegalArgumentException("not a normalised Dutch postcode: " + postcode);
        }
        this.postcode = postcode;
        this.pc4 = postcode.substring(0, 4);
        this.municipalityCode = municipalityCode;
    }

    private static String required(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a venue needs a " + what);
        }
        return value.trim();
    }

    public Long getId() { return id; }
    public Long getInstitutionId() { return institutionId; }
    public String getName() { return name; }
    public String getStreet() { return street; }
    public String getPostcode() { return postcode; }
    public String getCity() { return city; }
    public String getPc4() { return pc4; }
    public String getMunicipalityCode() { return municipalityCode; }
}
