package nl.kunstloc.publieksdata.session.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import nl.kunstloc.publieksdata.platform.audit.AuditTrail;
import nl.kunstloc.publieksdata.session.entity.MaterialInfo;
import nl.kunstloc.publieksdata.session.entity.MaterialKind;
import nl.kunstloc.publieksdata.session.entity.SessionMaterial;

/** Materials of sessions: stored after their content is inspected, listed without their bytes. */
@Stateless
public class Materials {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AuditTrail audit;

    public MaterialInfo store(Long sessionId, String fileName, byte[] content, String by) {
        MaterialKind kind = MaterialInspection.inspect(fileName, content);
        SessionMaterial material = new SessionMaterial(sessionId, fileName, kind, content, by, clock.instant());
        em.persist(material);
        audit.recordAs(by, "session.materialUploaded", "session", sessionId, null, material.getFileName());
        return new MaterialInfo(material.getId(), sessionId, material.getFileName(), kind, material.getSizeBytes(), material.getUploadedAt());
    }

    public List<MaterialInfo> of(Long sessionId) {
        if (sessionId == null) {
            return List.of();
        }
        return em.createQuery("select new nl.kunstloc.publieksdata.session.entity.MaterialInfo(m.id, m.sessionId, m.fileName, m.kind, m.sizeBytes, m.uploadedAt)"
                + " from SessionMaterial m where m.sessionId = :s order by m.uploadedAt, m.id", MaterialInfo.class)
                .setParameter("s", sessionId).getResultList();
    }

    public Optional<SessionMaterial> find(Long id) {
        return Optional.ofNullable(id == null ? null : em.find(SessionMaterial.class, id));
    }

    public void remove(Long id, String by) {
        find(id).ifPresent(m -> {
            em.remove(m);
            audit.recordAs(by, "session.materialRemoved", "session", m.getSessionId(), null, m.getFileName());
        });
    }
}
