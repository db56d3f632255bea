package io.dsrhub.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonalDataMaskTest {

    @Test
    void emailAddressesKeepOnlyTheirDomain() {
        assertThat(PersonalDataMask.mask("cannot deliver to aino.virtanen@example.fi: mailbox full"))
                .isEqualTo("cannot deliver to ***@example.fi: mailbox full");
        assertThat(PersonalDataMask.mask("request DSR-7K3M-9QXP registered")).isEqualTo("request DSR-7K3M-9QXP registered");
    }
}
