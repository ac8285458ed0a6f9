package nl.kunstloc.publieksdata.institution.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import nl.kunstloc.publieksdata.institution.entity.Institution;
import nl.kunstloc.publieksdata.institution.entity.InstitutionStatus;
import nl.kunstloc.publieksdata.institution.entity.InstitutionType;
import nl.kunstloc.publieksdata.institution.entity.Venue;

/** The institutions of the pilot. */
@Stateless
public class Institutions {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    public Institution create(String name, InstitutionType type, String municipalityCode, InstitutionStatus status) {
        Institution institution = new Institution(name, type, municipalityCode, status, clock.instant());
        em.persist(institution);
        return institution;
    }

    public Optional<Institution> find(Long id) {
        return Optional.ofNullable(id == null ? null : em.find(Institution.class, id));
    }

    public List<Institution> all() {
        return em.createQuery("select i from Institution i order by i.name", Institution.class).getResultList();
    }

    public Optional<Institution> findByName(String name) {
        return em.createQuery("select i from Institution i where lower(i.name) = :n", Institution.class)
                .setParameter("n", name.toLowerCase(java.util.Locale.ROOT)).getResultStream().findFirst();
    }

    /** Is an institution with this contact address still applying or being invited? */
    public boolean hasOpenOnboardingFor(String contactEmail) {
        return em.createQuery("select count(i) from Institution i where i.contactEmail = :e and i.status in :open", Long.class)
                .setParameter("e", contactEmail)
                .setParameter("open", List.of(InstitutionStatus.APPLIED, InstitutionStatus.INVITED))
                .getSingleResult() > 0;
    }

    /** Search for the institutions list: text in the name, status, type, municipality; sorted and paged. */
    public List<Institution> search(InstitutionFilter filter, int first, int max, String sortField, boolean ascending) {
        String order = switch (sortField == null ? "" : sortField) {
            case "status" -> "i.status";
            case "type" -> "i.type";
            case "statusSince" -> "i.statusSince";
            case "municipalityCode" -> "i.municipalityCode";
            default -> "i.name";
        };
        var q = em.createQuery("select i from Institution i where " + filter.where() + " order by " + order
                + (ascending ? " asc" : " desc") + ", i.id", Institution.class);
        filter.parameters().forEach(q::setParameter);
        return q.setFirstResult(first).setMaxResults(max).getResultList();
    }

    public long count(InstitutionFilter filter) {
        var q = em.createQuery("select count(i) from Institution i where " + filter.where(), Long.class);
        filter.parameters().forEach(q::setParameter);
        return q.getSingleResult();
    }

    public List<Venue> venues(Long institutionId) {
        return em.createQuery("select v from Venue v where v.institutionId = :id order by v.name", Venue.class)
                .setParameter("id", institutionId).getResultList();
    }

    public Venue addVenue(Venue venue) {
        em.persist(venue);
        return venue;
    }

    public void removeVenue(Long institutionId, Long venueId) {
        Venue venue = em.find(Venue.class, venueId);
        if (venue != null && venue.getInstitutionId().equals(institutionId)) {
            em.remove(venue);
        }
    }

    /** What the institutions list filters on; null fields do not filter. */
    public record InstitutionFilter(String text, InstitutionStatus status, InstitutionType type, String municipalityCode) {

        String where() {
            StringBuilder w = new StringBuilder("1 = 1");
            if (text != null && !text.isBlank()) w.append(" and lower(i.name) like :text");
            if (status != null) w.append(" and i.status = :status");
            if (type != null) w.append(" and i.type = :type");
            if (municipalityCode != null && !municipalityCode.isBlank()) w.append(" and i.municipalityCode = :m");
            return w.toString();
        }

        java.util.Map<String, Object> parameters() {
            java.util.Map<String, Object> p = new java.util.HashMap<>();
            if (text != null && !text.isBlank()) p.put("text", "%" + text.trim().toLowerCase(java.util.Locale.ROOT) + "%");
            if (status != null) p.put("status", status);
            if (type != null) p.put("type", type);
            if (municipalityCode != null && !municipalityCode.isBlank()) p.put("m", municipalityCode);
            return p;
        }
    }

    public void changeStatus(Long id, InstitutionStatus status) {
        find(id).orElseThrow().changeStatus(status, clock.instant());
    }
}
