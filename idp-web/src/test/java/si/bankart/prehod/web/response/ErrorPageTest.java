package si.bankart.prehod.web.response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import si.bankart.prehod.audit.Incident;
import si.bankart.prehod.login.Refusal;
import si.bankart.prehod.login.certificate.CertificateRejection;
import si.bankart.prehod.login.rekono.RejectionReason;
import si.bankart.prehod.testing.LogCapture;
import si.bankart.prehod.web.page.Language;
import si.bankart.prehod.web.page.Messages;
import si.bankart.prehod.web.page.Pages;

/** The error page over the repository's own templates and texts, for every refusal of every login method. */
class ErrorPageTest {

    private static final Logger log = LoggerFactory.getLogger(ErrorPageTest.class);
    private static final Pattern SHOWN = Pattern.compile("<strong>([^<]+)</strong>");

    private final Pages pages = new Pages(Path.of("..", "templates"));
    private final ErrorPage errorPage = new ErrorPage(pages);

    private static List<Refusal> everyRefusal() {
        return Stream.concat(Stream.of(RejectionReason.values()), Stream.of(CertificateRejection.values()))
                .map(Refusal.class::cast).toList();
    }

    @Test
    void everyRefusalOfBothMethodsHasItsPageInSlovenianAndEnglish() {
        for (Refusal reason : everyRefusal()) {
            List<String> keys = new ArrayList<>(List.of("error." + reason.page() + ".title",
                    "error." + reason.page() + ".text"));
            if (reason.offersMethodAgain()) {
                keys.add("error." + reason.page() + ".again");
            }
            for (Language language : List.of(Language.SL, Language.EN)) {
                Messages messages = pages.messages(language);
                for (String key : keys) {
                    assertFalse(messages.get(key).startsWith("??"), reason.name() + ": no " + key + " in " + language);
                }
            }
        }
    }

    @Test
    void aRefusalsPageShowsTheIncidentLoggedWithItsReasonAndNoOther() {
        try (LogCapture lines = new LogCapture(ErrorPageTest.class.getName())) {
            int n = 0;
            for (Refusal reason : everyRefusal()) {
                String reference = String.format("PAGE-%04d", ++n);
                Incident incident = Incident.warn(log, reference, reason.name(), "Refused [incident {}] {}", reference,
                        reason.name());

                String html = new String(errorPage.html(reason.page(), incident, Language.SL), StandardCharsets.UTF_8);

                assertFalse(html.contains("??"), reason.name() + " renders every text: " + html);
                Matcher shown = SHOWN.matcher(html);
                List<String> references = new ArrayList<>();
                while (shown.find()) {
                    references.add(shown.group(1));
                }
                assertEquals(List.of(reference, reference), references, "both languages show the logged incident");
                assertTrue(lines.lines().contains("WARN Refused [incident " + reference + "] " + reason.name()),
                        lines.lines().toString());
            }
        }
    }
}
