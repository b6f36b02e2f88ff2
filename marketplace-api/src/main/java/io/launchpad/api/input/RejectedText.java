package io.launchpad.api.input;

import io.launchpad.api.problem.NamedRule;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.InvalidFormatException;

/**
 * A JSON string that is not acceptable text; Jackson adds the field's path on its way
 * out.
 */
class RejectedText extends InvalidFormatException implements NamedRule {

    private final String rule;

    private final String reason;

    RejectedText(JsonParser parser, UnicodeText.Flaw flaw) {
        super(parser, flaw.message(), null, String.class);
        this.rule = flaw.rule();
        this.reason = flaw.message();
    }

    @Override
    public String rule() {
        return rule;
    }

    @Override
    public String reason() {
        return reason;
    }

}
