package sfa.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;

/**
 * Bearer tokens shaped like the ones Keycloak's realm {@code sfa} issues (the claims the backend reads:
 * {@code sub}, {@code preferred_username}, {@code name}, {@code realm_access.roles}, {@code school}),
 * signed RS256 with a key pair made for one load run. The backend verifies them with the public key
 * ({@code spring.security.oauth2.resourceserver.jwt.public-key-location}), through the same
 * resource-server code that checks Keycloak's tokens.
 */
final class StudentTokens {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final PrivateKey key;
    private final String issuer;

    StudentTokens(PrivateKey key, String issuer) {
        this.key = key;
        this.issuer = issuer;
    }

    /**
     * Writes a fresh RSA 2048 key pair into {@code dir}: {@code key.pub.pem} (X.509, what Spring reads)
     * and {@code key.pk8} (PKCS#8 DER, what {@link #load} reads).
     */
    static void generate(Path dir) throws IOException, GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair pair = g.generateKeyPair();
        Files.createDirectories(dir);
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pair.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        Files.writeString(dir.resolve("key.pub.pem"), pem, StandardCharsets.US_ASCII);
        Files.write(dir.resolve("key.pk8"), pair.getPrivate().getEncoded());
    }

    static StudentTokens load(Path privateKey, String issuer) throws IOException, GeneralSecurityException {
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(privateKey)));
        return new StudentTokens(key, issuer);
    }

    /** A student's access token, valid from now for {@code seconds}. */
    String student(String username, String displayName, String school, long seconds) {
        return token(username, displayName, school, "student", seconds);
    }

    /** A teacher's access token (realm role {@code teacher}, which may read the school's students' work). */
    String teacher(String username, String displayName, String school, long seconds) {
        return token(username, displayName, school, "teacher", seconds);
    }

    private String token(String username, String displayName, String school, String role, long seconds) {
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"api-load\"}";
        String claims = "{\"iss\":" + Json.str(issuer) + ",\"sub\":" + Json.str("load-" + username)
                + ",\"aud\":\"account\",\"azp\":\"sfa-web\",\"iat\":" + now + ",\"exp\":" + (now + seconds)
                + ",\"preferred_username\":" + Json.str(username) + ",\"name\":" + Json.str(displayName)
                + ",\"realm_access\":{\"roles\":[" + Json.str(role) + ",\"default-roles-sfa\"]},\"school\":" + Json.str(school) + "}";
        String signingInput = URL.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + URL.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(key);
            s.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + URL.encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }
}
