package nl.kunstloc.publieksdata.institution.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/** A cultural institution taking part in (or applying for) the pilot. */
@Entity
@Table(name = "institution")
public class Institution implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "institution_seq")
    @SequenceGenerator(name = "institution_seq", sequenceName = "institution_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private InstitutionType type;

    @Column(name = "municipality_code")
    private String municipalityCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private InstitutionStatus status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "status_since", nullable = false)
    private Instant statusSince;

    @Column(name = "kvk_number")
    private String kvkNumber;

    private String street;
    private String postcode;
    private String city;
    private String website;

    @Enumerated(EnumType.STRING)
    @Column(name = "ticketing_system")
    private TicketingSystem ticketingSystem;

    @Column(name = "ticketing_system_other")
    private String ticketingSystemOther;

    @Column(name = "contact_name")
    private String contactName;

    @Column(name = "contact_email")
    private String contactEmail;

    @Column(name = "director_name")
    private String directorName;

    @Column(name = "director_email")
    private String directorEmail;

    @Column(name = "review_comment", length = 4000)
    private String reviewComment;

    @Column(name = "status_reason", length = 1000)
    private String statusReason;

    @Version
    private long version;

    protected Institution() {
    }

    public Institution(String name, InstitutionType type, String municipalityCode, InstitutionStatus status, Instant now) {
        rename(name);
        this.type = Objects.requireNonNull(type, "type");
        this.municipalityCode = municipalityCode;
        this.status = Objects.requireNonNull(status, "status");
        this.createdAt = Objects.requireNonNull(now);
        this.statusSince = now;
    }

    public void rename(String newName) {
        if (newName == null || newName.isBlank() || newName.length() > 200) {
            throw new IllegalArgumentException("an institution needs a name of at most 200 characters");
        }
        this.name = newName.trim();
    }

    public void changeType(InstitutionType newType) {
        this.type = Objects.requireNonNull(newType);
    }

    public void moveTo(String newMunicipalityCode) {
        this.municipalityCode = newMunicipalityCode;
    }

    public void changeStatus(InstitutionStatus newStatus, Instant now) {
        if (newStatus != status) {
            this.status = Objects.requireNonNull(newStatus);
            this.statusSince = now;
        }
    }

    /** Organisation details as the profile page saves them (also as a draft: blanks are allowed until submission). */
    public void describe(String kvkNumber, String street, String postcode, String city, String website) {
        if (kvkNumber != null && !kvkNumber.isBlank() && !kvkNumber.trim().matches("\\d{8}")) {
            throw new IllegalArgumentException("a KvK number has 8 digits");
        }
        this.kvkNumber = blankToNull(kvkNumber);
        this.street = blankToNull(street);
        this.postcode = blankToNull(postcode);
        this.city = blankToNull(city);
        this.website = blankToNull(website);
    }

    public void useTicketingSystem(TicketingSystem system, String otherName) {
        this.ticketingSystem = system;
        this.ticketingSystemOther = system == TicketingSystem.OTHER ? blankToNull(otherName) : null;
    }

    public void contact(String name, String email) {
        this.contactName = blankToNull(name);
        this.contactEmail = blankToNull(email);
    }

    public void appointDirector(String name, String email) {
        this.directorName = blankToNull(name);
        this.directorEmail = blankToNull(email);
    }

    public void recordReview(String comment) {
        this.reviewComment = blankToNull(comment);
    }

    public void recordStatusReason(String reason) {
        this.statusReason = blankToNull(reason);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public Long getId() { return id; }
    public String getKvkNumber() { return kvkNumber; }
    public String getStreet() { return street; }
    public String getPostcode() { return postcode; }
    public String getCity() { return city; }
    public String getWebsite() { return website; }
    public TicketingSystem getTicketingSystem() { return ticketingSystem; }
    public String getTicketingSystemOther() { return ticketingSystemOther; }
    public String getContactName() { return contactName; }
    public String getContactEmail() { return contactEmail; }
    public String getDirectorName() { return directorName; }
    public String getDirectorEmail() { return directorEmail; }
    public String getReviewComment() { return reviewComment; }
    public String getStatusReason() { return statusReason; }
    public String getName() { return name; }
    public InstitutionType getType() { return type; }
    public String getMunicipalityCode() { return municipalityCode; }
    public InstitutionStatus getStatus() { return status; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getStatusSince() { return statusSince; }
}
