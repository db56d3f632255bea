package io.dsrhub.freetext;

import java.nio.file.Path;
import org.apache.camel.BindToRegistry;
import org.apache.camel.Configuration;
import org.apache.camel.PropertyInject;

/** Loads the language files at start-up, so that a bad phrase list stops the hub before it reads any mail. */
@Configuration
public class FreeTextConfiguration {

    @BindToRegistry("phraseBook")
    public PhraseBook phraseBook(@PropertyInject("dsr.classification.dir") String directory) {
        return PhraseBook.load(Path.of(directory));
    }

    @BindToRegistry(value = "freeTextReader", lazy = true)
    public FreeTextReader freeTextReader(PhraseBook phraseBook) {
        return new FreeTextReader(phraseBook);
    }
}
