package io.launchpad.api.candidate;

import io.launchpad.api.audit.AuditLog;
import io.launchpad.api.privacy.ConsentPurpose;
import io.launchpad.api.privacy.Consents;
import io.launchpad.api.privacy.PersonalData;
import io.launchpad.api.problem.ApiProblem;
import io.launchpad.api.problem.ProblemType;
import io.launchpad.api.security.Caller;
import io.launchpad.api.web.ETags;
import io.launchpad.matching.BoardOutbox;
import io.launchpad.matching.CandidateForMatching;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Board-candidate profiles. A person with the candidate role has at most one. The owner
 * reads and changes it in full; admins read it in full (audited); anyone else signed in
 * reads the anonymised {@link CandidateDocument} of a public profile (audited) and gets
 * 404 for the rest, so a private profile's existence is not revealed.
 */
@Service
public class CandidateProfiles implements PersonalData {

    /** A profile as one caller may see it: in full, or anonymised. */
    public record Seen(CandidateProfile profile, boolean full) {
    }

    private final CandidateRepository repository;

    private final SkillsFramework framework;

    private final Consents consents;

    private final AuditLog audit;

    /** Lazily: the listeners (applications) depend on this service themselves. */
    private final ObjectProvider<CandidateProfileListener> listeners;

    private final BoardOutbox outbox;

    CandidateProfiles(CandidateRepository repository, SkillsFramework framework, Consents consents, AuditLog audit,
            ObjectProvider<CandidateProfileListener> listeners, BoardOutbox outbox) {
        this.repository = repository;
        this.framework = framework;
        this.consents = consents;
        this.audit = audit;
        this.listeners = listeners;
        this.outbox = outbox;
    }

    @Transactional
    public Mono<CandidateProfile> create(Caller caller, CandidateFields request) {
        if (!caller.has(Caller.Role.CANDIDATE)) {
            return Mono.error(ApiProblem.forbidden("Only people with the candidate role have a candidate profile"));
        }
        CandidateFields fields = checked(request);
        return repository.findBySubject(caller.subject())
            .flatMap(existing -> Mono
                .<CandidateProfile>error(ApiProblem.conflict("You already have a candidate profile: " + existing.id())))
            .switchIfEmpty(Mono.defer(() -> repository.insert(caller.subject(), fields)))
            // a private profile was never indexed: nothing to announce
            .flatMap(profile -> (profile.isMatchable() ? announce(profile) : Mono.just(profile)))
            .flatMap(profile -> recordConsents(caller.subject(), null, fields).then(audit.record(caller,
                    AuditLog.Action.CREATED, profile.id(), profile.subject(), "/api/v1/candidates/" + profile.id()))
                .thenReturn(profile));
    }

    public Mono<CandidateProfile> mine(Caller caller) {
        if (caller.isAnonymous()) {
            return Mono.error(ApiProblem.forbidden("Sign in to see your profile"));
        }
        // opening one's own profile is activity: it restarts the retention clock and
        // cancels a warning
        return repository.touch(caller.subject())
            .then(repository.findBySubject(caller.subject()))
            .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Your candidate profile")));
    }

    @Transactional
    public Mono<Seen> read(Caller caller, UUID id) {
        return repository.find(id).flatMap(profile -> {
            if (profile.isOwnedBy(caller.subject())) {
                return Mono.just(new Seen(profile, true));
            }
            if (caller.isAdmin()) {
                return viewed(caller, profile).thenReturn(new Seen(profile, true));
            }
            if (profile.visibility() == CandidateProfile.Visibility.PUBLIC) {
                return viewed(caller, profile).thenReturn(new Seen(profile, false));
            }
            return Mono.empty();
        }).switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Candidate " + id)));
    }

    @Transactional
    public Mono<CandidateProfile> update(Caller caller, UUID id, long expectedVersion, CandidateFields request) {
        CandidateFields fields = checked(request);
        return owned(caller, id).flatMap(profile -> {
            ETags.check(profile.version(), expectedVersion);
            return repository.update(id, expectedVersion, fields)
                .switchIfEmpty(Mono.error(CandidateProfiles::changedMeanwhile))
                // turning private is announced too: it takes the profile out of the index
                .flatMap(updated -> profile.isMatchable() || updated.isMatchable() ? announce(updated)
                        : Mono.just(updated))
                .flatMap(updated -> recordConsents(caller.subject(), profile, fields)
                    .then(audit.record(caller, AuditLog.Action.UPDATED, id, profile.subject(),
                            "/api/v1/candidates/" + id))
                    .thenReturn(updated));
        });
    }

    /**
     * The profile, when the caller owns it or is an admin: 404 when the caller may not
     * know it exists, 403 when they may see it (public) but not act as its owner.
     */
    public Mono<CandidateProfile> owned(Caller caller, UUID id) {
        return repository.find(id)
            .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Candidate " + id)))
            .flatMap(profile -> {
                if (profile.isOwnedBy(caller.subject())) {
                    return Mono.just(profile);
                }
                return profile.visibility() == CandidateProfile.Visibility.PUBLIC || caller.isAdmin()
                        ? Mono.error(ApiProblem.forbidden("Only the candidate changes their profile"))
                        : Mono.error(ApiProblem.notFound("Candidate " + id));
            });
    }

    /**
     * For other features' own authorisation checks: the profile whatever its visibility.
     */
    public Mono<CandidateProfile> byId(UUID id) {
        return repository.find(id);
    }

    /** As {@link #byId}, for a list at once: the profiles that exist, keyed by id. */
    public Mono<Map<UUID, CandidateProfile>> byIds(Collection<UUID> ids) {
        return ids.isEmpty() ? Mono.just(Map.of()) : repository.findAll(ids).collectMap(CandidateProfile::id);
    }

    public Mono<CandidateProfile> bySubject(String subject) {
        return subject == null ? Mono.empty() : repository.findBySubject(subject);
    }

    /**
     * Every matchable profile as matching indexes it, streamed (a full reindex, the index
     * consistency check).
     */
    public Flux<CandidateForMatching> matchingDocuments() {
        return repository.matchable().map(profile -> profile.forMatching(framework));
    }

    /** Acting on the platform counts as activity: the retention clock restarts. */
    public Mono<Void> touch(String subject) {
        return repository.touch(subject);
    }

    public SkillsFramework framework() {
        return framework;
    }

    @Override
    public String section() {
        return "candidateProfile";
    }

    @Override
    public Set<String> tables() {
        return Set.of("candidate_profile");
    }

    @Override
    public int erasureOrder() {
        return 20;
    }

    @Override
    public Mono<Object> export(String subject) {
        return repository.findBySubject(subject)
            .map(CandidateView::of)
            .map(view -> (Object) view)
            .defaultIfEmpty(Map.of());
    }

    /**
     * Deletes the profile after the features that reference it have reduced their rows to
     * statistics, and enqueues its removal from the candidates index (counted in
     * {@link Erased#indexDeletions()}).
     */
    @Override
    public Mono<Erased> erase(String subject) {
        return repository.findBySubject(subject)
            .flatMap(profile -> delete(profile.id()).map(rows -> new Erased(rows, 1)))
            .defaultIfEmpty(Erased.NOTHING);
    }

    /**
     * Rows removed. The index deletion goes through the outbox in this transaction, with
     * a version above the last one the profile had, so no earlier change still on its way
     * can bring the candidate back.
     */
    Mono<Long> delete(UUID candidateId) {
        return Flux.fromStream(listeners::orderedStream)
            .concatMap(listener -> listener.profileDeleting(candidateId))
            .reduce(0L, Long::sum)
            .flatMap(removed -> repository.delete(candidateId)
                .flatMap(version -> outbox.candidateDeleted(candidateId, version + 1).thenReturn(removed + 1))
                .defaultIfEmpty(removed));
    }

    private Mono<CandidateProfile> announce(CandidateProfile profile) {
        return outbox.candidateChanged(profile.forMatching(framework)).thenReturn(profile);
    }

    private Mono<Void> viewed(Caller caller, CandidateProfile profile) {
        return audit.record(caller, AuditLog.Action.VIEWED, profile.id(), profile.subject(),
                "/api/v1/candidates/" + profile.id());
    }

    /**
     * Consent follows the choices made in the profile: visibility is the matching
     * consent. Privacy by default (issue 12): a new profile records a consent only when
     * it was given (a ticked box, a visibility other than private); later changes record
     * a withdrawal of what was given before.
     */
    private Mono<Void> recordConsents(String subject, @Nullable CandidateProfile before, CandidateFields fields) {
        Mono<Void> profile = fields
            .givesProfileConsent()
                    ? consents.granted(subject, ConsentPurpose.CANDIDATE_PROFILE)
                        .flatMap(given -> given ? Mono.<Void>empty()
                                : consents.record(subject, ConsentPurpose.CANDIDATE_PROFILE, true).then())
                    : Mono.empty();
        boolean matchedBefore = before != null && before.isMatchable();
        boolean matchedNow = !"private".equals(fields.visibility());
        Mono<Void> matching = matchedBefore != matchedNow
                ? consents.record(subject, ConsentPurpose.MATCHING, matchedNow).then() : Mono.empty();
        boolean livedBefore = before != null && before.livedExperience() != null;
        boolean livedNow = fields.declaresLivedExperience();
        Mono<Void> lived = livedBefore != livedNow
                ? consents.record(subject, ConsentPurpose.LIVED_EXPERIENCE, livedNow).then() : Mono.empty();
        return profile.then(matching).then(lived);
    }

    private CandidateFields checked(CandidateFields request) {
        framework.check("skills", request.skills() == null ? List.of() : request.skills());
        if ((request.skills() == null || request.skills().isEmpty())
                && (request.skillsInWords() == null || request.skillsInWords().isEmpty())) {
            throw ApiProblem.invalid("skills", "required",
                    "must list at least one skill, as a framework skill or in skillsInWords");
        }
        if (request.skillsInWords() != null) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < request.skillsInWords().size(); i++) {
                if (!seen.add(request.skillsInWords().get(i).skill().strip().toLowerCase(Locale.ROOT))) {
                    throw ApiProblem.invalid("skillsInWords[" + i + "].skill", "unique", "lists the same skill twice");
                }
            }
        }
        if (request.declaresLivedExperience() && !Boolean.TRUE.equals(request.livedExperienceConsent())) {
            throw ApiProblem.invalid("livedExperienceConsent", "consent-required",
                    "lived experience is stored only with your consent; set livedExperienceConsent to true");
        }
        return request.normalised();
    }

    private static ApiProblem changedMeanwhile() {
        return ApiProblem.field(ProblemType.PRECONDITION_FAILED, "If-Match", "current-version",
                "the profile was changed while you were saving; fetch it again");
    }

}
