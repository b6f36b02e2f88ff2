package io.launchpad.api.search;

import io.launchpad.api.problem.ApiProblem;
import io.launchpad.api.problem.ProblemType;
import io.launchpad.api.web.Page;
import io.launchpad.matching.MatchWindow;
import io.launchpad.matching.RankingMode;
import org.jspecify.annotations.Nullable;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * The query parameters every {@code /matches} endpoint shares, checked once for all four
 * lists: {@code limit}, {@code mode} and the {@code cursor} of a later page. A cursor
 * names the list it was issued for (which list, whose, which mode), so one from another
 * list is refused rather than read as a position in this one.
 */
public record MatchRequest(int limit, RankingMode mode, @Nullable Position position) {

    public static final int DEFAULT_LIMIT = 10;

    public static final int MAX_LIMIT = 50;

    /** Which of the four ranked lists, and for whom: part of every cursor. */
    public record MatchList(String name, UUID subject) {
    }

    /**
     * How far into the list a cursor points: {@code shown} results, the last at
     * {@code after}.
     */
    record Position(int shown, MatchWindow.MatchPosition after) {
    }

    private static final String VERSION = "m1";

    /**
     * {@code mode} is {@code hybrid} (default) or {@code bm25}: lets clients and
     * benchmarks compare the two.
     */
    public static MatchRequest of(@Nullable Integer limit, @Nullable String mode) {
        return of(limit, mode, null, null);
    }

    public static MatchRequest of(@Nullable Integer limit, @Nullable String mode, @Nullable String cursor,
            @Nullable MatchList list) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw ApiProblem.field(ProblemType.INVALID_PARAMETER, "limit", "range",
                    "must be between 1 and " + MAX_LIMIT);
        }
        RankingMode ranking = mode(mode);
        return new MatchRequest(size, ranking, cursor == null || cursor.isEmpty() ? null : decode(cursor,
                Objects.requireNonNull(list, "a cursor is read against the list it was issued for"), ranking));
    }

    private static RankingMode mode(@Nullable String mode) {
        if (mode == null || mode.isBlank()) {
            return RankingMode.HYBRID;
        }
        try {
            return RankingMode.valueOf(mode.strip().toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException e) {
            throw ApiProblem.field(ProblemType.INVALID_PARAMETER, "mode", "one-of", "must be hybrid or bm25");
        }
    }

    public String modeCode() {
        return mode.name().toLowerCase(Locale.ROOT);
    }

    /** The rank of this page's first result (1 on the first page). */
    public int firstRank() {
        return position == null ? 1 : position.shown() + 1;
    }

    /**
     * The verdict on the list, on its first page only (a later page cannot see the best
     * result).
     */
    public <T> @Nullable MatchVerdict verdict(Page<T> page, ToIntFunction<T> score, int strongScore, String what) {
        return position != null ? null
                : MatchVerdict.of(page.items().stream().map(score::applyAsInt).toList(), strongScore, what);
    }

    /**
     * What to ask the engine for: this page and one more result, which says whether there
     * is a next page.
     */
    public MatchWindow window() {
        return position == null ? MatchWindow.first(limit + 1)
                : new MatchWindow(position.shown(), position.after(), limit + 1);
    }

    /**
     * This page of what the engine returned for {@link #window()}, with the next page's
     * cursor when there is one (none on the last page, or at
     * {@link MatchWindow#MAX_DEPTH}).
     */
    public <T> Page<T> page(List<T> found, Function<T, MatchWindow.MatchPosition> positionOf, MatchList list) {
        int shown = position == null ? 0 : position.shown();
        List<T> items = List.copyOf(found.subList(0, Math.min(limit, found.size())));
        boolean more = found.size() > limit && shown + limit < MatchWindow.MAX_DEPTH;
        return new Page<>(items, more ? encode(list, shown + items.size(), positionOf.apply(items.getLast())) : null);
    }

    private String encode(MatchList list, int shown, MatchWindow.MatchPosition last) {
        String raw = String.join("|", VERSION, list.name(), list.subject().toString(), modeCode(),
                Integer.toString(shown), Integer.toString(last.score()),
                Long.toHexString(Double.doubleToLongBits(last.relevance())), last.id().toString());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static Position decode(String cursor, MatchList list, RankingMode mode) {
        String[] parts;
        Position position;
        try {
            parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length != 8 || !VERSION.equals(parts[0])) {
                throw new IllegalArgumentException("unknown cursor layout");
            }
            int shown = Integer.parseInt(parts[4]);
            if (shown < 1 || shown >= MatchWindow.MAX_DEPTH) {
                throw new IllegalArgumentException("position out of range");
            }
            position = new Position(shown, new MatchWindow.MatchPosition(Integer.parseInt(parts[5]),
                    Double.longBitsToDouble(Long.parseUnsignedLong(parts[6], 16)), UUID.fromString(parts[7])));
        }
        catch (IllegalArgumentException e) {
            throw ApiProblem.field(ProblemType.INVALID_PARAMETER, "cursor", "valid-cursor",
                    "is not a cursor this API issued; start again without it");
        }
        if (!List.of(list.name(), list.subject().toString(), mode.name().toLowerCase(Locale.ROOT))
            .equals(List.of(parts[1], parts[2], parts[3]))) {
            throw ApiProblem.field(ProblemType.INVALID_PARAMETER, "cursor", "same-list",
                    "was issued for another list of matches (another challenge, profile, role or mode); start again without it");
        }
        return position;
    }
}
