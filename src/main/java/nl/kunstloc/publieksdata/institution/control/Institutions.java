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

    public void changeStatus(Long id, InstitutionStatus status) {
        find(id).orElseThrow().changeStatus(status, clock.instant());
    }
}
