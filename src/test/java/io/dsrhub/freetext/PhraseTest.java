package io.dsrhub.freetext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The phrase syntax of the language files: whole words, prefixes, gaps, and Chinese without word boundaries. */
class PhraseTest {

    private static boolean found(String phrase, String text) {
        return Phrase.compile(phrase).foundIn(MatchText.of(text));
    }

    @Test
    void wordsMatchWholeWordsWhateverTheCaseAccentsOrPunctuation() {
        assertThat(found("access", "I want ACCESS, please!")).isTrue();
        assertThat(found("access", "smart lock accessories")).isFalse();
        assertThat(found("losch* ... daten", "Bitte LÖSCHEN Sie meine Daten.")).isTrue();
        assertThat(found("droit d acces", "mon droit d'accès")).isTrue();
        assertThat(found("don't", "I don’t want")).isTrue();
    }

    @Test
    void starMatchesAnyWordItStartsAndGapsSpanUpToFourWords() {
        assertThat(found("delet*", "the deletion of my data")).isTrue();
        assertThat(found("delete ... account", "delete my old unused iot account")).isTrue();
        assertThat(found("delete ... account", "delete the app but keep my old account")).isFalse();
        assertThat(found("delete ... account", "account delete")).isFalse();
    }

    @Test
    void chinesePhrasesMatchInsideTextWithGapsOfUpToTwelveCharacters() {
        assertThat(found("删除 ... 个人信息", "请删除我的所有个人信息。")).isTrue();
        assertThat(found("注销", "麻烦帮我注销账户")).isTrue();
        assertThat(found("删除 ... 个人信息", "删除这个非常非常非常非常非常长的句子然后个人信息")).isFalse();
    }

    @Test
    void phrasesWithoutWordsOrWithGapsAtTheEndsAreRefused() {
        assertThatThrownBy(() -> Phrase.compile("  ")).hasMessageContaining("empty");
        assertThatThrownBy(() -> Phrase.compile("... data")).hasMessageContaining("'...'");
        assertThatThrownBy(() -> Phrase.compile("!!!")).hasMessageContaining("no word");
    }
}
