package io.launchpad.api.search;

import io.launchpad.matching.Highlight;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * A passage that shares words with the other side, in runs marked or not: matching's
 * {@link Highlight} as the API promises it, under the name the contract has always used.
 */
@Schema(name = "Highlight")
public record HighlightView(String field, String text, List<Segment> segments) {

    public static List<HighlightView> of(List<Highlight> highlights) {
        return highlights.stream()
            .map(highlight -> new HighlightView(highlight.field(), highlight.text(),
                    highlight.segments().stream().map(run -> new Segment(run.text(), run.marked())).toList()))
            .toList();
    }

    public record Segment(String text, boolean marked) {
    }
}
