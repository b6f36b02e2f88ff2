package io.launchpad.api.problem;

/**
 * A failure to read a request value that knows which rule it broke, so the problem can
 * name the rule and say why in plain words instead of a generic "has the wrong type".
 */
public interface NamedRule {

    String rule();

    String reason();

}
