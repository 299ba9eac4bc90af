package sfa.lab.opcua;

import java.nio.file.Path;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;

/**
 * A client whose certificate the server does not trust yet: the most common reason a student's own
 * client (UaExpert, node-opcua, a Python script) cannot connect over Basic256Sha256. The client only
 * sees {@code Bad_SecurityChecksFailed}; this says, in Korean and English, what to do about it.
 */
public record RejectedClient(String applicationUri, String thumbprint, Path file, Path trustedDir) {

    static RejectedClient of(X509Certificate certificate, Path rejectedDir, Path trustedDir) {
        String thumbprint;
        try {
            thumbprint = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-1")
                    .digest(certificate.getEncoded()));
        } catch (java.security.GeneralSecurityException e) {
            thumbprint = "?";
        }
        return new RejectedClient(applicationUri(certificate), thumbprint, fileOf(certificate, rejectedDir, thumbprint),
                trustedDir);
    }

    /** The file Milo wrote the certificate to (its naming is Milo's), found by content. */
    private static Path fileOf(X509Certificate certificate, Path rejectedDir, String thumbprint) {
        try (var files = java.nio.file.Files.list(rejectedDir)) {
            byte[] encoded = certificate.getEncoded();
            for (Path p : (Iterable<Path>) files::iterator) {
                if (java.util.Arrays.equals(java.nio.file.Files.readAllBytes(p), encoded)) {
                    return p;
                }
            }
        } catch (java.io.IOException | java.security.cert.CertificateEncodingException e) {
            // fall back to the usual name
        }
        return rejectedDir.resolve(thumbprint + ".der");
    }

    private static String applicationUri(X509Certificate certificate) {
        try {
            var names = certificate.getSubjectAlternativeNames();
            if (names != null) {
                for (List<?> n : names) {
                    if (n.size() == 2 && Integer.valueOf(6).equals(n.get(0))) {
                        return String.valueOf(n.get(1));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // fall through to the subject
        }
        return certificate.getSubjectX500Principal().getName();
    }

    public String korean() {
        return "클라이언트 " + applicationUri + "의 인증서를 아직 신뢰하지 않아 연결을 거부했습니다 (Bad_SecurityChecksFailed). "
                + "선생님께 " + file + " 파일을 " + trustedDir + " 폴더로 옮겨 달라고 하세요. 서버를 다시 시작할 필요 없이 "
                + "다시 연결하면 됩니다. 교실 LAN에서 허용된 경우 보안 정책 None으로도 연결할 수 있습니다.";
    }

    public String english() {
        return "refused client " + applicationUri + ": its certificate is not trusted yet (Bad_SecurityChecksFailed). "
                + "Ask your teacher to move " + file + " into " + trustedDir + ", then connect again; no server restart "
                + "is needed. Where the classroom LAN allows it, security policy None connects without a certificate.";
    }
}
