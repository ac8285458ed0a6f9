package nl.kunstloc.publieksdata.agreement.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The agreement's status moves only along the workflow; everything else is refused. */
class AgreementTest {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    static final String SHA = "a".repeat(64);
    static final Party INSTITUTION = new Party("Theater", "12345678", "Straat 1, 5000 AA Tilburg", "Dirk Directeur", "directeur");
    static final Party KUNSTLOC = new Party("Kunstloc Brabant", "11111111", "Straat 2, 5000 AA Tilburg", "Karin de Vries", "directeur");

    static Agreement offered() {
        Agreement a = new Agreement(AgreementDetails.standard("VO-2026-0001", INSTITUTION, KUNSTLOC, LocalDate.of(2026, 3, 1)),
                7L, 1, new byte[]{1, 2, 3}, SHA, null, "p-1", NOW);
        a.offerForSignature(NOW);
        return a;
    }

    static AgreementSignature signature(Agreement a, SignerRole role, String sha) {
        return new AgreementSignature(a, "someone@example.org",
                new Signature("Some One", role, "someone@example.org", NOW, sha, "192.0.2.1"));
    }

    @Test
    void signedAndCountersignedItBecomesActiveUntilTheDayAfterItsLastDay() {
        Agreement a = offered();
        a.signByDirector(signature(a, SignerRole.DIRECTOR, SHA), NOW);
        assertThat(a.getStatus()).isEqualTo(AgreementStatus.AWAITING_COORDINATOR);
        a.countersign(signature(a, SignerRole.COORDINATOR, SHA), new byte[]{1, 2, 3, 4, 5}, "b".repeat(64));
        a.activate(NOW);
        assertThat(a.isActive()).isTrue();
        assertThat(a.getEndDate()).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(a.expiresAt()).isEqualTo(Instant.parse("2028-02-29T23:00:00Z")); // 1 March 00:00 in Amsterdam (CET)
        assertThat(a.getSignatures()).extracting(AgreementSignature::getRole).containsExactly(SignerRole.DIRECTOR, SignerRole.COORDINATOR);
    }

    @Test
    void aSignatureOnAnotherDocumentIsRefused() {
        Agreement a = offered();
        assertThatThrownBy(() -> a.signByDirector(signature(a, SignerRole.DIRECTOR, "c".repeat(64)), NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(a.getStatus()).isEqualTo(AgreementStatus.AWAITING_DIRECTOR);
        assertThat(a.getSignatures()).isEmpty();
    }

    @Test
    void theCoordinatorCannotSignFirstAndNothingIsActiveBeforeTheCountersignature() {
        Agreement a = offered();
        assertThatThrownBy(() -> a.countersign(signature(a, SignerRole.COORDINATOR, SHA), new byte[]{1, 2, 3, 4}, SHA))
                .isInstanceOf(IllegalTransitionException.class);
        a.signByDirector(signature(a, SignerRole.DIRECTOR, SHA), NOW);
        assertThatThrownBy(() -> a.activate(NOW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aWithdrawnOrExpiredAgreementCannotBeSignedOrRevived() {
        Agreement a = offered();
        a.signByDirector(signature(a, SignerRole.DIRECTOR, SHA), NOW);
        a.countersign(signature(a, SignerRole.COORDINATOR, SHA), new byte[]{1, 2, 3, 4}, SHA);
        a.activate(NOW);
        a.withdraw("stops with the pilot", "dirk@example.org", NOW);
        assertThat(a.getStatus()).isEqualTo(AgreementStatus.WITHDRAWN);
        assertThat(a.getEndReason()).isEqualTo("stops with the pilot");
        assertThatThrownBy(() -> a.activate(NOW)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> a.expire(NOW)).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void onlyAnActiveAgreementCanBeWithdrawnAndADeclineNeedsAReason() {
        Agreement a = offered();
        assertThatThrownBy(() -> a.withdraw("x", "y", NOW)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> a.decline(" ", "y", NOW)).isInstanceOf(IllegalArgumentException.class);
        a.decline("retention too long", "dirk@example.org", NOW);
        assertThat(a.getStatus()).isEqualTo(AgreementStatus.DECLINED);
        assertThatThrownBy(() -> a.signByDirector(signature(a, SignerRole.DIRECTOR, SHA), NOW)).isInstanceOf(IllegalTransitionException.class);
        a.abandon(null, null, NOW);
        assertThat(a.getStatus()).isEqualTo(AgreementStatus.ABANDONED);
    }

    @Test
    void theStoredDocumentCannotBeChangedThroughWhatTheEntityHandsOut() {
        Agreement a = offered();
        a.originalPdf()[0] = 99;
        assertThat(a.originalPdf()[0]).isEqualTo((byte) 1);
    }

    @Test
    void finalStatusesLeadNowhere() {
        for (AgreementStatus s : new AgreementStatus[]{AgreementStatus.ABANDONED, AgreementStatus.EXPIRED, AgreementStatus.WITHDRAWN}) {
            assertThat(s.next()).as(s.name()).isEmpty();
        }
        assertThat(AgreementStatus.DRAFT.mayMoveTo(AgreementStatus.ACTIVE)).isFalse();
    }
}
