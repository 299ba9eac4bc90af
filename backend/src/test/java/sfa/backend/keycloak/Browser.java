package sfa.backend.keycloak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser as far as a login needs one: it keeps cookies, but follows redirects only when told, so a
 * test can look at each hop between the platform and Keycloak.
 */
public final class Browser {

    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*\\bid=\"kc-form-login\"[^>]*>");
    private static final Pattern ACTION = Pattern.compile("\\baction=\"([^\"]+)\"");

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new LocalhostIsSecure(cookies))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    public HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET());
    }

    public HttpResponse<String> post(URI uri, Map<String, String> form, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)));
        headers.forEach(request::header);
        return send(request);
    }

    /** Follows redirects from a response until one is not a redirect; gives that last response. */
    public HttpResponse<String> follow(HttpResponse<String> response) {
        HttpResponse<String> current = response;
        for (int hops = 0; isRedirect(current); hops++) {
            if (hops == 10) {
                throw new IllegalStateException("more than 10 redirects from " + response.uri());
            }
            current = get(location(current));
        }
        return current;
    }

    /** Where a redirect points, resolved against the request's address. */
    public static URI location(HttpResponse<?> redirect) {
        String location = redirect.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("no Location in " + redirect.statusCode() + " from " + redirect.uri()));
        return redirect.uri().resolve(location);
    }

    public static boolean isRedirect(HttpResponse<?> response) {
        return response.statusCode() / 100 == 3;
    }

    /** The address Keycloak's login page posts the user name and password to. */
    public static URI loginFormAction(String keycloakLoginPage) {
        Matcher form = LOGIN_FORM.matcher(keycloakLoginPage);
        if (!form.find()) {
            throw new IllegalStateException("no Keycloak login form in:\n" + keycloakLoginPage);
        }
        Matcher action = ACTION.matcher(form.group());
        if (!action.find()) {
            throw new IllegalStateException("the login form has no action: " + form.group());
        }
        return URI.create(action.group(1).replace("&amp;", "&"));
    }

    /** A cookie's value for the given address, if the browser holds it. */
    public Optional<String> cookie(URI uri, String name) {
        return cookies.getCookieStore().get(uri).stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst();
    }

    /**
     * Keycloak marks its login cookies {@code Secure; SameSite=None}. Browsers treat http://localhost as a
     * secure context and send them back; Java's cookie manager sends Secure cookies over https only, so
     * for localhost it is asked as if the request were https.
     */
    private static final class LocalhostIsSecure extends CookieHandler {

        private final CookieManager cookies;

        LocalhostIsSecure(CookieManager cookies) {
            this.cookies = cookies;
        }

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) throws IOException {
            URI asked = uri;
            if ("http".equals(uri.getScheme()) && "localhost".equals(uri.getHost())) {
                try {
                    asked = new URI("https", uri.getUserInfo(), uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(), null);
                } catch (URISyntaxException e) {
                    throw new IOException(e);
                }
            }
            return cookies.get(asked, requestHeaders);
        }

        @Override
        public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
            cookies.put(uri, responseHeaders);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(Map<String, String> form) {
        return new LinkedHashMap<>(form).entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
