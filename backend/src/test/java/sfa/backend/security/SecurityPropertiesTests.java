package sfa.backend.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** The web client's secret comes from the environment: the demo secret published with the code only serves a demo. */
class SecurityPropertiesTests {

    @Test
    void theDemoSecretIsRefusedForAKeycloakElsewhereNamingWhatToSet() {
        assertThatThrownBy(() -> new SecurityProperties(URI.create("https://sso.school.example/realms/sfa"), "sfa-web",
                SecurityProperties.DEMO_SECRET))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SFA_CLIENT_SECRET")
                .hasMessageContaining("sso.school.example");
    }

    @Test
    void theDemoSecretServesAKeycloakOnThisMachineAndAnyOtherSecretServesAnywhere() {
        assertThat(new SecurityProperties(URI.create("http://localhost:8180/realms/sfa"), "sfa-web",
                SecurityProperties.DEMO_SECRET).clientSecret()).isEqualTo(SecurityProperties.DEMO_SECRET);
        assertThat(new SecurityProperties(URI.create("https://sso.school.example/realms/sfa"), "sfa-web", "s3cret-from-env")
                .issuerUri().getHost()).isEqualTo("sso.school.example");
    }
}
