package io.dsrhub.freetext;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.dsrhub.domain.RequestType;
import io.dsrhub.domain.RequesterKind;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shipped phrase lists (config/classification) read the test corpus (src/test/resources/classification) the way
 * the corpus says: request types, language and requester of every text.
 */
class FreeTextClassificationTest {

    private static PhraseBook book;

    @BeforeAll
    static void load() {
        book = PhraseBook.load(Path.of("config/classification"));
    }

    static Stream<Map<String, Object>> corpus() throws Exception {
        try (InputStream in = FreeTextClassificationTest.class.getResourceAsStream("/classification/corpus.yaml")) {
            List<Map<String, Object>> entries = new ObjectMapper(new YAMLFactory()).readValue(in,
                    new TypeReference<>() { });
            return entries.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void corpusTextIsReadAsItsEntrySays(Map<String, Object> entry) {
        String text = (String) entry.get("text");
        @SuppressWarnings("unchecked")
        Set<RequestType> expected = ((List<String>) entry.get("types")).stream()
                .map(code -> RequestType.fromCode(code).orElseThrow()).collect(Collectors.toSet());

        PhraseBook.TypeReading reading = book.typesIn(text);

        assertThat(reading.types()).as("types of: %s (evidence %s)", text, reading.evidence())
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(book.languageOf(text, "xx")).as("language of: %s", text).isEqualTo(entry.get("language"));
        RequesterKind requester = RequesterKind.fromCode((String) entry.getOrDefault("requester", "subject")).orElseThrow();
        assertThat(book.requesterIn(text)).as("requester of: %s", text).isEqualTo(requester);
    }
}
