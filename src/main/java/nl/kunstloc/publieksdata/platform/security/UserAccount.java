package nl.kunstloc.publieksdata.platform.security;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A person who can sign in. Holds one or more roles; members and directors belong to exactly one
 * institution (kept as an id: the platform does not know the institution feature).
 */
@Entity
@Table(name = "app_user")
@NamedQuery(name = "UserAccount.byUsername", query = "select u from UserAccount u where u.username = :username")
public class UserAccount implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    /** The policy area of the province: CBS code of Noord-Brabant. */
    public static final String PROVINCE = "PV30";

    static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "app_user_seq")
    @SequenceGenerator(name = "app_user_seq", sequenceName = "app_user_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, unique = true)
    private String username;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(name = "password_hash")
    private String passwordHash;

    private boolean enabled = true;

    @Column(name = "institution_id")
    private Long institutionId;

    private String locale = "nl";

    /** A policymaker's area: a municipality ({@code GMxxxx}) or the province ({@link #PROVINCE}); null: none yet. */
    @Column(name = "policy_area", length = 6)
    private String policyArea;

    // the sign-in's bookkeeping: written only by SignInBookkeeping in plain SQL (concurrent sign-ins of one
    // account neither collide on the version nor lose a count), never by a merge of an edited account
    @Column(name = "failed_logins", updatable = false)
    private int failedLogins;

    @Column(name = "locked_until", updatable = false)
    private Instant lockedUntil;

    @Column(name = "last_login_at", updatable = false)
    private Instant lastLoginAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "app_user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    @Version
    private long version;

    protected UserAccount() {
    }

    public UserAccount(String email, String displayName, Long institutionId, Set<Role> roles, Instant now) {
        this.username = normaliseEmail(email);
        rename(displayName);
        this.institutionId = institutionId;
        this.createdAt = Objects.requireNonNull(now);
        changeRoles(roles, institutionId);
    }

    /** Lower-cased, trimmed e-mail; refuses what is not an e-mail address. */
    public static String normaliseEmail(String email) {
        String e = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(e).matches() || e.length() > 254) {
            throw new IllegalArgumentException("not an e-mail address: " + email);
        }
        return e;
    }

    public void rename(String newName) {
        if (newName == null || newName.isBlank()) {
            throw new IllegalArgumentException("a user needs a name");
        }
        this.displayName = newName.trim();
    }

    /** Replaces the roles; institution roles need an institution. */
    public void changeRoles(Set<Role> newRoles, Long newInstitutionId) {
        Set<Role> copy = newRoles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(newRoles);
        if (copy.stream().anyMatch(Role::isInstitutionRole) && newInstitutionId == null) {
            throw new IllegalArgumentException("members and directors belong to an institution");
        }
        this.roles = copy;
        this.institutionId = newInstitutionId;
    }

    public void grant(Role role) {
        if (role.isInstitutionRole() && institutionId == null) {
            throw new IllegalArgumentException("members and directors belong to an institution");
        }
        roles.add(role);
    }

    /** Sets the policymaker's area: a CBS municipality code, {@link #PROVINCE}, or null (none). */
    public void assignPolicyArea(String area) {
        String a = area == null || area.isBlank() ? null : area.strip().toUpperCase(Locale.ROOT);
        if (a != null && !a.equals(PROVINCE) && !a.matches("GM\\d{4}")) {
            throw new IllegalArgumentException("not a municipality code or the province: " + area);
        }
        this.policyArea = a;
    }

    public void setPasswordHash(String hash) {
        this.passwordHash = Objects.requireNonNull(hash);
    }

    public boolean isLocked(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public void disable() {
        enabled = false;
    }

    public void enable() {
        enabled = true;
    }

    public void changeLocale(String newLocale) {
        this.locale = "en".equals(newLocale) ? "en" : "nl";
    }

    public Long getId() { return id; }
    public String getUsername() { return username; }
    public String getDisplayName() { return displayName; }
    public String getPasswordHash() { return passwordHash; }
    public boolean isEnabled() { return enabled; }
    public Long getInstitutionId() { return institutionId; }
    public String getLocale() { return locale; }
    public String getPolicyArea() { return policyArea; }
    public int getFailedLogins() { return failedLogins; }
    public Instant getLockedUntil() { return lockedUntil; }
    public Instant getLastLoginAt() { return lastLoginAt; }
    public Instant getCreatedAt() { return createdAt; }
    public Set<Role> getRoles() { return Collections.unmodifiableSet(roles); }

    /**
     * The workflow groups this person works for: their roles, and for institution roles the group of
     * their institution ({@link WorkflowGroups}), so members of A never work on B's tasks.
     */
    public Set<String> workflowGroups() {
        Set<String> groups = new java.util.LinkedHashSet<>();
        for (Role r : roles) {
            if (!r.isInstitutionRole()) {
                groups.add(r.name());
            } else if (institutionId != null) {
                groups.add(WorkflowGroups.of(r, institutionId));
            }
        }
        return groups;
    }
    public boolean hasRole(Role role) { return roles.contains(role); }
}
