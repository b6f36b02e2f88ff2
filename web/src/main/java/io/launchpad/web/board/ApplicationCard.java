package io.launchpad.web.board;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * One application as the association's review page shows it. Blind shortlisting: the
 * candidate's identity is carried only once the API says it is revealed and the
 * application has reached interview (or a decision after it); before that this type holds
 * no identifying field at all, so the page cannot show one even if the API sent it.
 */
public record ApplicationCard(String id, String status, @Nullable String statement, Anonymised.Candidate applicant,
        @Nullable String feedback, @Nullable Identity identity, List<Step> nextSteps) {

    private static final Set<String> AFTER_INTERVIEW = Set.of("interview", "appointed", "declined");

    /** Who the candidate is: shown from interview on. */
    public record Identity(@Nullable String name, @Nullable String email, @Nullable String phone,
            @Nullable String photoUrl, @Nullable LocalDate dateOfBirth) {
    }

    /**
     * A decision the association may take next: the status it sets and the button's
     * words.
     */
    public record Step(String status, String label) {
    }

    /**
     * The API's review of an application ({@code GET
     * /api/v1/board-roles/{id}/applications} items).
     */
    record Review(String id, String status, boolean identityRevealed, @Nullable String statement,
            Anonymised.Candidate applicant, @Nullable Identity identity, @Nullable String feedback) {
    }

    record Reviews(List<Review> items) {

        Reviews {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    static ApplicationCard of(Review review) {
        boolean reveal = review.identityRevealed() && AFTER_INTERVIEW.contains(review.status());
        Anonymised.Candidate applicant = review.applicant() != null ? review.applicant()
                : new Anonymised.Candidate(null, List.of(), List.of(), null, null, null, null, null, null, null);
        return new ApplicationCard(review.id(), review.status(), review.statement(), applicant, review.feedback(),
                reveal ? review.identity() : null, nextSteps(review.status()));
    }

    /**
     * Mirrors the API's transitions so the page offers only buttons that can work; the
     * API decides.
     */
    static List<Step> nextSteps(String status) {
        Step shortlist = new Step("shortlisted", "Shortlist");
        Step interview = new Step("interview", "Move to interview");
        Step appoint = new Step("appointed", "Appoint");
        Step decline = new Step("declined", "Decline");
        return switch (status) {
            case "submitted" -> List.of(shortlist, interview, decline);
            case "shortlisted" -> List.of(interview, decline);
            case "interview" -> List.of(appoint, decline);
            default -> List.of();
        };
    }
}
