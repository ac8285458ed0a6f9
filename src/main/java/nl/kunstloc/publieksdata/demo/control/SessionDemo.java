package nl.kunstloc.publieksdata.demo.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import nl.kunstloc.publieksdata.institution.entity.InstitutionType;
import nl.kunstloc.publieksdata.platform.security.Role;
import nl.kunstloc.publieksdata.platform.security.UserAccount;
import nl.kunstloc.publieksdata.platform.security.UserAccounts;
import nl.kunstloc.publieksdata.session.control.KnowledgeBase;
import nl.kunstloc.publieksdata.session.control.Sessions;
import nl.kunstloc.publieksdata.session.control.Viewer;
import nl.kunstloc.publieksdata.session.entity.Article;
import nl.kunstloc.publieksdata.session.entity.AudienceKind;
import nl.kunstloc.publieksdata.session.entity.Evaluation;
import nl.kunstloc.publieksdata.session.entity.KnowledgeSession;
import nl.kunstloc.publieksdata.session.entity.SessionAudience;
import nl.kunstloc.publieksdata.session.entity.SessionPlan;
import nl.kunstloc.publieksdata.workflow.Workflow;

/**
 * Demo sessions: one upcoming with registrations and a waiting list, one for theatres only, one just held that waits for
 * the coordinator to record attendance, one whose notes wait to be published, one published with its notes in the knowledge base, and
 * a handful of articles. The first two run through the real process; the published one is the
 * pilot's first session, held before the portal existed, so it is recorded without a process.
 */
@Stateless
public class SessionDemo {

    static final String COORDINATOR = "coordinator@kunstloc.nl";
    private static final ZoneId ZONE = ZoneId.systemDefault();

    @Inject
    Sessions sessions;

    @Inject
    KnowledgeBase knowledgeBase;

    @Inject
    UserAccounts accounts;

    @Inject
    Workflow workflow;

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    public void load() {
        Instant now = clock.instant();
        SessionAudience everyone = new SessionAudience(AudienceKind.ALL_INSTITUTIONS, null, Set.of(),
                EnumSet.of(Role.INSTITUTION_MEMBER, Role.DIRECTOR));

        // upcoming: full, with one person waiting
        Instant start = at(now, 24, 13, 30);
        KnowledgeSession upcoming = sessions.plan(new SessionPlan("Wie komt er naar de zomerfestivals?", "Jongeren en festivals",
                start, start.plus(Duration.ofHours(3)), "Theater aan de Dommel, Boxtel", "https://meet.kunstloc.nl/zomerfestivals", 2,
                start.minus(Duration.ofDays(7)), everyone,
                "13:30 Welkom\n13:45 Wat de rapporten laten zien over 16–25-jarigen\n14:30 Festivals en theaters aan het woord\n15:45 Afspraken en borrel",
                "Zomerklanken bereikt vooral de segmenten \u2018Jonge stedelingen\u2019; theaters zien daar weinig van terug."),
                COORDINATOR, now);
        register(upcoming, "marketing@dommeltheater.nl", now);
        register(upcoming, "data@zomerklanken.nl", now);
        register(upcoming, "directie@zomerklanken.nl", now);

        // only for theatres: festivals' people get 404 on it
        Instant theatreStart = at(now, 38, 10, 0);
        sessions.plan(new SessionPlan("Theaters onder elkaar: abonnees en losse kaarten", "Abonnementen",
                theatreStart, theatreStart.plus(Duration.ofHours(2)), "Chassé Theater, Breda", null, 15,
                theatreStart.minus(Duration.ofDays(10)), new SessionAudience(AudienceKind.INSTITUTION_TYPE, InstitutionType.THEATRE,
                Set.of(), EnumSet.of(Role.INSTITUTION_MEMBER, Role.DIRECTOR)), null, null), COORDINATOR, now);

        // held two days ago: the process goes straight on to "record attendance"
        Instant heldStart = at(now, -2, 10, 0);
        Instant heldPlanned = heldStart.minus(Duration.ofDays(20));
        KnowledgeSession held = sessions.plan(new SessionPlan("Je publiek in kaart: postcodes lezen", "Verzorgingsgebied",
                heldStart, heldStart.plus(Duration.ofHours(2)), null, "https://meet.kunstloc.nl/verzorgingsgebied", 25,
                heldStart.minus(Duration.ofDays(4)), everyone, "Hoe lees je de kaart per PC4? Met voorbeelden van twee instellingen.", null),
                COORDINATOR, heldPlanned);
        register(held, "marketing@dommeltheater.nl", heldPlanned.plus(Duration.ofDays(1)));
        register(held, "data@zomerklanken.nl", heldPlanned.plus(Duration.ofDays(2)));

        // held twelve days ago, attendance recorded, the evaluation week over: the notes wait to be published
        Instant doneStart = at(now, -12, 14, 0);
        Instant donePlanned = doneStart.minus(Duration.ofDays(21));
        KnowledgeSession done = sessions.plan(new SessionPlan("Samen een doelgroep kiezen: theaters en musea", "Samenwerking",
                doneStart, doneStart.plus(Duration.ofHours(2)), "Museum De Wever, 's-Hertogenbosch", null, 20,
                doneStart.minus(Duration.ofDays(3)), everyone, "Twee instellingen kiezen samen een segment en maken een plan.", null),
                COORDINATOR, donePlanned);
        register(done, "marketing@dommeltheater.nl", donePlanned.plus(Duration.ofDays(1)));
        register(done, "programma@filmtheaterdespiegel.nl", donePlanned.plus(Duration.ofDays(3)));
        String attendance = advanceUntil(done.getProcessInstanceId(), "recordAttendance");
        sessions.recordAttendance(done.getId(), attendance, Set.of("marketing@dommeltheater.nl", "programma@filmtheaterdespiegel.nl"),
                COORDINATOR);
        advanceUntil(done.getProcessInstanceId(), "publishSessionNotes");

        publishedFirstSession(now, everyone);
        articles();
    }

    private void publishedFirstSession(Instant now, SessionAudience everyone) {
        Instant start = at(now, -45, 14, 0);
        Instant planned = start.minus(Duration.ofDays(30));
        KnowledgeSession first = new KnowledgeSession(new SessionPlan("Aftrap: wat is een doelgroepensegmentatie?", "Segmentatie",
                start, start.plus(Duration.ofHours(2)), "Kunstloc Brabant, Tilburg", null, 30, start.minus(Duration.ofDays(5)),
                everyone, "Uitleg van het segmentatiemodel en de index, met vragen uit de zaal.", null), COORDINATOR, planned);
        em.persist(first);
        for (String username : List.of("marketing@dommeltheater.nl", "data@zomerklanken.nl", "directie@dommeltheater.nl")) {
            UserAccount a = accounts.find(username).orElseThrow();
            first.register(a.getUsername(), a.getDisplayName(), a.getInstitutionId(), planned.plus(Duration.ofDays(2)));
        }
        first.closeRegistration();
        first.recordAttendance(Set.of("marketing@dommeltheater.nl", "data@zomerklanken.nl"));
        first.writeNotes("""
                We bespraken hoe een doelgroepensegmentatie werkt: elk postcodegebied krijgt een verdeling over \
                segmenten, en het profiel van uw publiek wordt vergeleken met de bevolking in uw verzorgingsgebied.

                Opbrengsten:
                - Een index van 100 betekent: zoveel als verwacht. Boven de 120 is een segment oververtegenwoordigd.
                - Kijk altijd naar de matchratio: welk deel van de adressen kon worden geplaatst.
                - Festivals en theaters bereiken verschillende segmenten: samenwerken loont.""");
        em.persist(new Evaluation(first.getId(), "marketing@dommeltheater.nl", 5, "Eindelijk snap ik de index.", start.plus(Duration.ofDays(1))));
        em.persist(new Evaluation(first.getId(), "data@zomerklanken.nl", 4, "Graag meer voorbeelden van festivals.", start.plus(Duration.ofDays(2))));
        em.persist(new Article(first.getTitle(), first.getTheme(), first.getNotes()
                + "\n\nEvaluatie: 2 deelnemers gaven de sessie gemiddeld een 4,5 (op een schaal van 1 tot 5).",
                List.of("segmentatie", "index", "matchratio"), List.of(), first.getId(), COORDINATOR, start.plus(Duration.ofDays(10))));
        first.markPublished();
    }

    private void articles() {
        knowledgeBase.write("Jongeren bereiken via festivals", "Jongeren en festivals", """
                Festivals trekken een jonger publiek dan theaters en musea. In de pilot zien we dat bezoekers \
                van 16 tot 25 jaar vaak uit de segmenten \u2018Jonge stedelingen\u2019 en \u2018Studenten\u2019 komen. \
                Theaters die met een festival samenwerken (een voorstelling op het festivalterrein, een \
                kortingscode voor festivalgangers) zien dat terug in hun index voor die segmenten.""",
                List.of("jongeren", "festivals", "samenwerking"), List.of(InstitutionType.FESTIVAL, InstitutionType.THEATRE), COORDINATOR);
        knowledgeBase.write("De matchratio: hoeveel adressen tellen mee?", "Datakwaliteit", """
                Niet elk adres in een ticketingexport kan aan een postcodegebied worden gekoppeld: online \
                verkopen zonder adres, buitenlandse bezoekers, tikfouten. De matchratio zegt welk deel wel \
                meetelt. Onder de 60% is voorzichtigheid geboden bij het lezen van het profiel.""",
                List.of("datakwaliteit", "matchratio", "postcode"), List.of(), COORDINATOR);
        knowledgeBase.write("Onbenut potentieel vinden", "Verzorgingsgebied", """
                Onbenut potentieel zijn segmenten of gebieden met veel inwoners en weinig bezoekers. Begin bij \
                de kaart met bezoekers per 1.000 inwoners: lichte vlekken dichtbij zijn vaak kansrijker dan \
                verre gebieden. Combineer dat met het segmentprofiel om te zien wie er in die gebieden woont.""",
                List.of("potentieel", "verzorgingsgebied", "kaart"), List.of(InstitutionType.THEATRE, InstitutionType.MUSEUM), COORDINATOR);
        knowledgeBase.write("Marketing per segment: drie voorbeelden", "Marketing", """
                Drie instellingen uit de pilot vertellen hoe ze hun marketing aanpasten na het rapport: een \
                museum dat gezinnen uit de regio opzocht, een poppodium dat studenten via de hogeschool \
                bereikte, en een theater dat zijn seizoensbrochure anders verspreidde.""",
                List.of("marketing", "segmentatie", "voorbeelden"), List.of(), COORDINATOR);
    }

    /** Runs the session's jobs (its timers as if their time had come) until the task is open. */
    private String advanceUntil(String processInstanceId, String taskKey) {
        for (int round = 0; round < 10; round++) {
            var task = workflow.openTask(processInstanceId, taskKey);
            if (task.isPresent()) {
                return task.get().id();
            }
            workflow.runJobsAsIfDue(processInstanceId);
        }
        throw new IllegalStateException("the demo session did not reach " + taskKey);
    }

    private void register(KnowledgeSession session, String username, Instant at) {
        UserAccount a = accounts.find(username).orElseThrow();
        sessions.register(session.getId(), new Viewer(a.getUsername(), a.getDisplayName(), a.getRoles(), a.getInstitutionId()), at);
    }

    private static Instant at(Instant now, int days, int hour, int minute) {
        LocalDate day = LocalDate.ofInstant(now, ZONE).plusDays(days);
        return day.atTime(LocalTime.of(hour, minute)).atZone(ZONE).toInstant();
    }
}
