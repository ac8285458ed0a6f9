package nl.kunstloc.publieksdata.it;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A plain HTTP client with its own session cookie, for checks that need no browser: which role
 * may open which page, headers, status codes. (The session cookie is Secure, which Java's
 * CookieManager would not send over http://localhost, so the cookie is kept by hand.)
 */
public final class WebClient {

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");

    private final PortalServer portal;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private String sessionCookie;
    /** cluster: the session cookies by name: JSESSIONID, and JSESSIONIDVERSION when Payara replicates sessions. */
    private final Map<String, String> sessionCookies = new LinkedHashMap<>();

    public WebClient(PortalServer portal) {
        this.portal = portal;
    }

    /** cluster: the same browser session (its cookie) sent to another node, as a load balancer does when a node dies. */
    public WebClient sameSessionOn(PortalServer other) {
        WebClient moved = new WebClient(other);
        moved.sessionCookies.putAll(sessionCookies);
        moved.sessionCookie = sessionCookie;
        return moved;
    }

    /** cluster: the session cookie this client sends ({@code JSESSIONID=...}), null before the first answer that set one. */
    public String sessionCookie() {
        return sessionCookie;
    }

    public HttpResponse<String> get(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(portal.url(path))).GET();
        return send(request);
    }

    /** A download (PDF, workbook), in this client's session. */
    public HttpResponse<byte[]> getBytes(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(portal.url(path))).GET();
        if (sessionCookie != null) {
            request.header("Cookie", sessionCookie);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Posts a form as a browser posts one with enctype multipart/form-data (a file upload form), with an empty file for each named file field. */
    public HttpResponse<String> postMultipart(String path, Map<String, String> form, java.util.List<String> fileFields) {
        String boundary = "----PortalTest" + System.nanoTime();
        StringBuilder body = new StringBuilder();
        form.forEach((name, value) -> body.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n").append(value).append("\r\n"));
        fileFields.forEach(name -> body.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(name).append("\"; filename=\"\"\r\n")
                .append("Content-Type: application/octet-stream\r\n\r\n\r\n"));
        body.append("--").append(boundary).append("--\r\n");
        return send(HttpRequest.newBuilder(URI.create(portal.url(path)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)));
    }

    public HttpResponse<String> post(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(portal.url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Signs in through the login page as a person would; returns the status of the answer to the form. */
    public int login(String email, String password) {
        return submitLogin(openLogin(email, password)).statusCode();
    }

    /** Opens the login page (a new session) and fills in the form; {@link #submitLogin} sends it. */
    public Map<String, String> openLogin(String email, String password) {
        sessionCookie = null;
        sessionCookies.clear();
        return openLoginKeepingSession(email, password);
    }

    /** As {@link #openLogin}, in the session this client has (e.g. one that asked for a protected page first). */
    public Map<String, String> openLoginKeepingSession(String email, String password) {
        HttpResponse<String> page = get("/login.xhtml");
        Matcher m = VIEW_STATE.matcher(page.body());
        if (!m.find()) {
            throw new IllegalStateException("no view state on the login page");
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("login", "login");
        form.put("login:username", email);
        form.put("login:password", password);
        form.put("login:submit", "");
        form.put("jakarta.faces.ViewState", m.group(1));
        return form;
    }

    /** Sends a login form filled in by {@link #openLogin}; answers the portal's answer to it. */
    public HttpResponse<String> submitLogin(Map<String, String> form) {
        return post("/login.xhtml", form);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        if (sessionCookie != null) {
            request.header("Cookie", sessionCookie);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            // JSESSIONID, and (sessions replicated, web.xml distributable) JSESSIONIDVERSION, without which a node that
            // replicates sessions takes the session for a stale copy: a browser sends both
            response.headers().allValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith("JSESSIONID"))
                    .map(c -> c.indexOf(';') < 0 ? c : c.substring(0, c.indexOf(';')))
                    .forEach(c -> sessionCookies.put(c.substring(0, c.indexOf('=')), c));
            if (!sessionCookies.isEmpty()) {
                sessionCookie = String.join("; ", sessionCookies.values());
            }
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
