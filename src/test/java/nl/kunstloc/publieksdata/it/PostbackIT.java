package nl.kunstloc.publieksdata.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Forged postbacks, as an attacker with a normal account would send them (issue 11, finding 1): open a
 * page of one's own object, take its forms with their ViewState, and post every form and button of it
 * with another institution's (or simply another) object id in the URL and in the body. Nothing of that
 * other object may change, and nothing of it may be shown. The table names every page that has a view
 * parameter and an action; a new such page without a row fails {@link #everyPageWithAnIdAndAnActionIsAttacked}.
 */
class PostbackIT {

    static final String PASSWORD = AccessIT.PASSWORD;

    /** What the id of a page names, and how to find one's own and another's. */
    enum Kind { TASK, PROCESS, AGREEMENT, DELIVERY, REPLACED_DELIVERY, INSTITUTION, SESSION, ARTICLE, REPORT }

    record Case(String page, String param, String role, Kind kind, String taskKey) {
    }

    static final List<Case> CASES = List.of(
            new Case("/agreement/sign.xhtml", "taskId", "DIRECTOR", Kind.TASK, "signAgreement"),
            new Case("/agreement/countersign.xhtml", "taskId", "COORDINATOR", Kind.TASK, "countersignAgreement"),
            new Case("/agreement/declined.xhtml", "taskId", "COORDINATOR", Kind.TASK, "handleDeclinedAgreement"),
            new Case("/agreement/detail.xhtml", "id", "DIRECTOR", Kind.AGREEMENT, null),
            new Case("/delivery/review.xhtml", "taskId", "COORDINATOR", Kind.TASK, "reviewDelivery"),
            new Case("/delivery/problems.xhtml", "taskId", "INSTITUTION_MEMBER", Kind.TASK, "resolveValidationProblems"),
            new Case("/delivery/delivery.xhtml", "id", "INSTITUTION_MEMBER", Kind.DELIVERY, null),
            new Case("/delivery/upload.xhtml", "replaces", "INSTITUTION_MEMBER", Kind.REPLACED_DELIVERY, null),
            new Case("/onboarding/review.xhtml", "taskId", "COORDINATOR", Kind.TASK, "reviewOnboarding"),
            new Case("/onboarding/application.xhtml", "taskId", "COORDINATOR", Kind.TASK, "decideOnApplication"),
            new Case("/onboarding/expired-invitation.xhtml", "taskId", "COORDINATOR", Kind.TASK, "renewOrCancelInvitation"),
            new Case("/onboarding/profile.xhtml", "taskId", "INSTITUTION_MEMBER", Kind.TASK, "completeProfile"),
            new Case("/onboarding/institution.xhtml", "id", "INSTITUTION_MEMBER", Kind.INSTITUTION, null),
            new Case("/session/publish.xhtml", "taskId", "COORDINATOR", Kind.TASK, "publishSessionNotes"),
            new Case("/session/attendance.xhtml", "taskId", "COORDINATOR", Kind.TASK, "recordAttendance"),
            new Case("/session/detail.xhtml", "id", "COORDINATOR", Kind.SESSION, null),
            new Case("/session/plan.xhtml", "id", "COORDINATOR", Kind.SESSION, null),
            new Case("/session/evaluate.xhtml", "id", "COORDINATOR", Kind.SESSION, null),
            new Case("/session/write-article.xhtml", "id", "COORDINATOR", Kind.ARTICLE, null),
            new Case("/session/article.xhtml", "id", "COORDINATOR", Kind.ARTICLE, null),
            new Case("/tasks/process.xhtml", "id", "INSTITUTION_MEMBER", Kind.PROCESS, null),
            new Case("/report/review.xhtml", "taskId", "COORDINATOR", Kind.TASK, "reviewReport"),
            new Case("/report/remarks.xhtml", "taskId", "INSTITUTION_MEMBER", Kind.TASK, "answerRemarks"),
            new Case("/report/approve.xhtml", "taskId", "DIRECTOR", Kind.TASK, "approveReport"),
            new Case("/report/report.xhtml", "id", "INSTITUTION_MEMBER", Kind.REPORT, null));

    /** Pages with a view parameter and an action that need no row, and why. */
    static final Map<String, String> EXEMPT = Map.of(
            "/public/invitation.xhtml", "its token is the capability itself: another token is another invitation, not another's object");

    static final Pattern FORM = Pattern.compile("<form id=\"([^\"]+)\"([^>]*)>(.*?)</form>", Pattern.DOTALL);
    static final Pattern FILE_INPUT = Pattern.compile("<input[^>]*type=\"file\"[^>]*name=\"([^\"]+)\"|<input[^>]*name=\"([^\"]+)\"[^>]*type=\"file\"");
    static final Pattern INPUT = Pattern.compile("<input([^>]*)>");
    static final Pattern TEXTAREA = Pattern.compile("<textarea[^>]*name=\"([^\"]+)\"");
    static final Pattern SELECT = Pattern.compile("<select[^>]*name=\"([^\"]+)\"[^>]*>(.*?)</select>", Pattern.DOTALL);
    static final Pattern BUTTON = Pattern.compile("<button[^>]*name=\"([^\"]+)\"");
    static final Pattern ATTR = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    static PortalServer portal;

    @BeforeAll
    static void start() {
        portal = PortalServer.get();
    }

    @Test
    void everyPageWithAnIdAndAnActionIsAttacked() throws IOException {
        Path webapp = Path.of("src/main/webapp");
        Set<String> covered = new java.util.HashSet<>(EXEMPT.keySet());
        CASES.forEach(c -> covered.add(c.page()));
        try (Stream<Path> files = Files.walk(webapp)) {
            List<String> pages = files.filter(p -> p.toString().endsWith(".xhtml") && !p.toString().contains("WEB-INF"))
                    .filter(PostbackIT::hasViewParameterAndAction)
                    .map(p -> "/" + webapp.relativize(p).toString().replace('\\', '/'))
                    .toList();
            assertThat(pages).as("pages with a view parameter and an action").isNotEmpty();
            assertThat(covered).as("pages with a view parameter and an action that a forged postback attacks").containsAll(pages);
        }
    }

    private static boolean hasViewParameterAndAction(Path page) {
        try {
            String xhtml = Files.readString(page);
            return xhtml.contains("f:viewParam") && Pattern.compile("<(p|h):(commandButton|commandLink|poll|remoteCommand)\\b").matcher(xhtml).find();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aForgedIdInAPostbackChangesNothingOfTheOtherObject() throws SQLException {
        List<String> attacked = new ArrayList<>();
        List<String> untried = new ArrayList<>();
        for (Case c : CASES) {
            if (c.page().equals("/report/remarks.xhtml")) {
                sendAReportBackAsTheCoordinator(); // the demo has no report with remarks waiting; the review page makes one
            }
            Attack attack = prepare(c);
            if (attack == null) {
                untried.add(c.page() + " (" + c.role() + (c.taskKey() == null ? "" : ", task " + c.taskKey()) + ")");
                continue;
            }
            WebClient client = new WebClient(portal);
            assertThat(client.login(attack.attacker(), PASSWORD)).as("login of " + attack.attacker()).isEqualTo(302);
            HttpResponse<String> own = client.get(c.page() + "?" + c.param() + "=" + attack.ownId());
            assertThat(own.statusCode()).as(attack.attacker() + " opens own " + c.page() + "?" + c.param() + "=" + attack.ownId()).isEqualTo(200);
            String before = fingerprint(attack);
            Matcher forms = FORM.matcher(own.body());
            int posts = 0;
            while (forms.find()) {
                String formId = forms.group(1);
                boolean multipart = forms.group(2).contains("multipart/form-data");
                String html = forms.group(3);
                List<String> fileFields = FILE_INPUT.matcher(html).results()
                        .map(m -> m.group(1) != null ? m.group(1) : m.group(2)).toList();
                Map<String, String> fields = fields(formId, html);
                if (!fields.containsKey("jakarta.faces.ViewState")) {
                    continue;
                }
                List<String> submits = new ArrayList<>(BUTTON.matcher(html).results().map(m -> m.group(1)).toList());
                submits.add(null); // the form itself, as a poll or a change event posts it
                for (String submit : submits) {
                    Map<String, String> body = new LinkedHashMap<>(fields);
                    if (submit != null) {
                        body.put(submit, "");
                    }
                    body.put(c.param(), attack.victimId());
                    String url = c.page() + "?" + c.param() + "=" + attack.victimId();
                    HttpResponse<String> forged = multipart ? client.postMultipart(url, body, fileFields) : client.post(url, body);
                    posts++;
                    String what = attack.attacker() + " posts " + formId + (submit == null ? "" : " / " + submit) + " of "
                            + c.page() + " with " + c.param() + "=" + attack.victimId() + " (own: " + attack.ownId() + ")";
                    assertThat(forged.statusCode()).as(what).isEqualTo(404);
                    if (attack.victimMarker() != null) {
                        assertThat(forged.body()).as(what + " shows nothing of the other object").doesNotContain(attack.victimMarker());
                    }
                    assertThat(fingerprint(attack)).as(what + " changes nothing of the other object").isEqualTo(before);
                }
            }
            assertThat(posts).as("forms posted on " + c.page()).isPositive();
            attacked.add(c.page() + " (" + posts + " posts)");
        }
        System.out.println("[PostbackIT] attacked: " + attacked);
        // every page is attacked: the demo data holds an own object for each (a page it cannot reach fails here, not silently)
        assertThat(untried).as("pages without an own object in the demo data to attack from").isEmpty();
        assertThat(attacked).as("pages attacked").hasSize(CASES.size());
    }

    /** As a coordinator would: the first report waiting for review is sent back with a remark, through its page. */
    private static void sendAReportBackAsTheCoordinator() throws SQLException {
        String task;
        try (Connection db = portal.openDatabase();
             PreparedStatement q = db.prepareStatement("SELECT id_ FROM act_ru_task WHERE task_def_key_ = 'reviewReport' ORDER BY id_");
             ResultSet rs = q.executeQuery()) {
            if (!rs.next()) {
                return;
            }
            task = rs.getString(1);
        }
        WebClient coordinator = new WebClient(portal);
        coordinator.login(AccessIT.USERS.get("COORDINATOR"), PASSWORD);
        HttpResponse<String> page = coordinator.get("/report/review.xhtml?taskId=" + task);
        Matcher form = FORM.matcher(page.body());
        while (form.find()) {
            if (form.group(1).equals("review")) {
                Map<String, String> body = fields("review", form.group(3));
                body.put("review:text", "Klopt de periode? Twee maanden lijken samen minder dan een maand verkoop.");
                body.put("review:sendBack", "");
                assertThat(coordinator.post("/report/review.xhtml", body).statusCode()).as("the coordinator sends report task " + task + " back").isEqualTo(302);
            }
        }
    }

    /** Who attacks, with which own object, and which other object they aim at. */
    record Attack(String attacker, Long attackerInstitution, String ownId, String victimId, String victimProcess,
                  Long victimInstitution, String victimTable, String victimMarker) {
    }

    private Attack prepare(Case c) throws SQLException {
        try (Connection db = portal.openDatabase()) {
            for (String[] user : users(db, c.role())) {
                String attacker = user[0];
                if (!signsInWithTheDemoPassword(attacker)) {
                    continue; // an account another test made (e.g. onboarding's new director) has a password of its own
                }
                Long institution = user[1] == null ? null : Long.valueOf(user[1]);
                long notMine = institution == null ? -1 : institution;
                Attack attack = switch (c.kind()) {
                    case TASK -> task(db, c, attacker, institution);
                    case PROCESS -> entity(db, attacker, institution,
                            "SELECT proc_inst_id_ FROM act_ru_variable WHERE name_ = 'institutionId' AND execution_id_ = proc_inst_id_ AND long_ = ?",
                            "SELECT proc_inst_id_, proc_inst_id_, long_ FROM act_ru_variable WHERE name_ = 'institutionId' AND execution_id_ = proc_inst_id_ AND long_ <> ?",
                            notMine, null, null);
                    case AGREEMENT -> entity(db, attacker, institution, "SELECT id FROM agreement WHERE institution_id = ?",
                            "SELECT id, NULL, institution_id FROM agreement WHERE institution_id <> ?", notMine, "agreement", "number");
                    case DELIVERY -> entity(db, attacker, institution, "SELECT id FROM delivery WHERE institution_id = ?",
                            "SELECT id, process_instance_id, institution_id FROM delivery WHERE institution_id <> ?", notMine, "delivery", "file_name");
                    case REPLACED_DELIVERY -> entity(db, attacker, institution,
                            "SELECT id FROM delivery WHERE institution_id = ? AND status IN ('NEEDS_ATTENTION', 'REJECTED')",
                            "SELECT id, process_instance_id, institution_id FROM delivery WHERE institution_id <> ?", notMine, "delivery", "file_name");
                    case REPORT -> entity(db, attacker, institution, "SELECT id FROM audience_report WHERE institution_id = ? AND status = 'PUBLISHED'",
                            "SELECT id, process_instance_id, institution_id FROM audience_report WHERE institution_id <> ?", notMine, "audience_report", null);
                    case INSTITUTION -> entity(db, attacker, institution, "SELECT id FROM institution WHERE id = ?",
                            "SELECT id, NULL, id FROM institution WHERE id <> ?", notMine, "institution", "name");
                    case SESSION -> entity(db, attacker, institution, "SELECT id FROM knowledge_session WHERE id <> ?",
                            "SELECT id, process_instance_id, NULL FROM knowledge_session WHERE id <> ?", notMine, "knowledge_session", null);
                    case ARTICLE -> entity(db, attacker, institution, "SELECT id FROM kb_article WHERE id <> ?",
                            "SELECT id, NULL, NULL FROM kb_article WHERE id <> ?", notMine, "kb_article", null);
                };
                if (attack != null) {
                    return attack;
                }
            }
        }
        return null;
    }

    private final Map<String, Boolean> signsIn = new java.util.HashMap<>();

    private boolean signsInWithTheDemoPassword(String user) {
        return signsIn.computeIfAbsent(user, u -> new WebClient(portal).login(u, PASSWORD) == 302);
    }

    private static List<String[]> users(Connection db, String role) throws SQLException {
        List<String[]> users = new ArrayList<>();
        try (PreparedStatement q = db.prepareStatement("SELECT u.username, u.institution_id FROM app_user u "
                + "JOIN app_user_role r ON r.user_id = u.id WHERE r.role = ? AND u.enabled = TRUE ORDER BY u.username")) {
            q.setString(1, role);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    users.add(new String[]{rs.getString(1), rs.getString(2)});
                }
            }
        }
        return users;
    }

    /** Own: an open task of this kind for the attacker's group; the other: an open task of another institution (or process). */
    private static Attack task(Connection db, Case c, String attacker, Long institution) throws SQLException {
        String group = institution == null ? c.role() : "institution-" + institution + "-" + c.role();
        String own = null;
        String ownProcess = null;
        try (PreparedStatement q = db.prepareStatement("SELECT t.id_, t.proc_inst_id_ FROM act_ru_task t WHERE t.task_def_key_ = ? AND "
                + "(t.assignee_ = ? OR EXISTS (SELECT 1 FROM act_ru_identitylink l WHERE l.task_id_ = t.id_ AND l.group_id_ = ?)) ORDER BY t.id_")) {
            q.setString(1, c.taskKey());
            q.setString(2, attacker);
            q.setString(3, group);
            try (ResultSet rs = q.executeQuery()) {
                if (rs.next()) {
                    own = rs.getString(1);
                    ownProcess = rs.getString(2);
                }
            }
        }
        if (own == null) {
            return null;
        }
        try (PreparedStatement q = db.prepareStatement("SELECT t.id_, t.proc_inst_id_, v.long_ FROM act_ru_task t "
                + "LEFT JOIN act_ru_variable v ON v.proc_inst_id_ = t.proc_inst_id_ AND v.execution_id_ = t.proc_inst_id_ AND v.name_ = 'institutionId' "
                + "WHERE t.proc_inst_id_ <> ? AND (v.long_ IS NULL OR v.long_ <> ?) "
                + "ORDER BY CASE WHEN t.task_def_key_ = ? THEN 0 ELSE 1 END, t.id_")) {
            q.setString(1, ownProcess);
            q.setLong(2, institution == null ? -1 : institution);
            q.setString(3, c.taskKey());
            try (ResultSet rs = q.executeQuery()) {
                if (rs.next()) {
                    long victimInstitution = rs.getLong(3);
                    return new Attack(attacker, institution, own, rs.getString(1), rs.getString(2),
                            rs.wasNull() ? null : victimInstitution, null, null);
                }
            }
        }
        return null;
    }

    private static Attack entity(Connection db, String attacker, Long institution, String ownSql, String victimSql, long notMine,
                                 String table, String markerColumn) throws SQLException {
        String own;
        try (PreparedStatement q = db.prepareStatement(ownSql + " ORDER BY 1")) {
            q.setLong(1, ownSql.contains("<> ?") ? -1 : notMine);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                own = rs.getString(1);
            }
        }
        try (PreparedStatement q = db.prepareStatement(victimSql + " ORDER BY 1")) {
            if (victimSql.startsWith("SELECT id, ") && (table != null && (table.equals("knowledge_session") || table.equals("kb_article")))) {
                q.setLong(1, Long.parseLong(own)); // coordinators: any other session or article than the one opened
            } else if (victimSql.contains("proc_inst_id_, proc_inst_id_")) {
                q.setLong(1, notMine);
            } else {
                q.setLong(1, notMine);
            }
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    String victim = rs.getString(1);
                    if (victim.equals(own)) {
                        continue;
                    }
                    long victimInstitution = rs.getLong(3);
                    Long vi = rs.wasNull() ? null : victimInstitution;
                    String marker = markerColumn == null ? null : single(db, "SELECT " + markerColumn + " FROM " + table + " WHERE id = ?", victim);
                    String process = rs.getString(2);
                    return new Attack(attacker, institution, own, victim, process, vi, table, marker);
                }
            }
        }
        return null;
    }

    private static String single(Connection db, String sql, String id) throws SQLException {
        try (PreparedStatement q = db.prepareStatement(sql)) {
            q.setLong(1, Long.parseLong(id));
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** What a change to the other object would show: its row, its process's tasks, steps, comments and variable changes, its audit lines. */
    private static String fingerprint(Attack a) throws SQLException {
        StringBuilder print = new StringBuilder();
        try (Connection db = portal.openDatabase()) {
            if (a.victimTable() != null) {
                print.append(rows(db, "SELECT * FROM " + a.victimTable() + " WHERE id = ?", Long.parseLong(a.victimId())));
            } else {
                print.append(rows(db, "SELECT id_, assignee_, rev_ FROM act_ru_task WHERE id_ = ?", a.victimId()));
            }
            if (a.victimProcess() != null) {
                for (String table : List.of("act_ru_task", "act_hi_actinst", "act_hi_comment", "act_hi_detail")) {
                    print.append(table).append('=')
                            .append(rows(db, "SELECT COUNT(*) FROM " + table + " WHERE proc_inst_id_ = ?", a.victimProcess()));
                }
            }
            if (a.victimInstitution() != null) {
                print.append("audit=").append(rows(db, "SELECT COUNT(*) FROM audit_entry WHERE institution_id = ?", a.victimInstitution()));
            }
        }
        return print.toString();
    }

    private static String rows(Connection db, String sql, Object parameter) throws SQLException {
        try (PreparedStatement q = db.prepareStatement(sql)) {
            q.setObject(1, parameter);
            try (ResultSet rs = q.executeQuery()) {
                StringBuilder out = new StringBuilder();
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int i = 1; i <= columns; i++) {
                        out.append(rs.getString(i)).append('|');
                    }
                    out.append('\n');
                }
                return out.toString();
            }
        }
    }

    /** The fields the form would send as rendered, with something typed into every empty text field and every box ticked. */
    private static Map<String, String> fields(String formId, String html) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(formId, formId);
        Matcher inputs = INPUT.matcher(html);
        while (inputs.find()) {
            Map<String, String> attrs = new LinkedHashMap<>();
            ATTR.matcher(inputs.group(1)).results().forEach(m -> attrs.put(m.group(1), m.group(2)));
            String name = attrs.get("name");
            if (name == null || attrs.containsKey("disabled")) {
                continue;
            }
            String type = attrs.getOrDefault("type", "text");
            String value = attrs.getOrDefault("value", "");
            switch (type) {
                case "checkbox", "radio" -> fields.putIfAbsent(name, value.isEmpty() ? "on" : value);
                case "password" -> fields.put(name, PASSWORD);
                case "file", "submit", "button" -> { }
                default -> fields.put(name, value.isEmpty() && !"hidden".equals(type) ? "Nagemaakt verzoek" : value.replace("&amp;", "&"));
            }
        }
        TEXTAREA.matcher(html).results().forEach(m -> fields.put(m.group(1), "Nagemaakt verzoek om een ander object te wijzigen"));
        Matcher selects = SELECT.matcher(html);
        while (selects.find()) {
            Matcher option = Pattern.compile("<option[^>]*value=\"([^\"]+)\"").matcher(selects.group(2));
            if (option.find()) {
                fields.put(selects.group(1), option.group(1));
            }
        }
        return fields;
    }
}
