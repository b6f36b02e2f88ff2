package io.launchpad.api.follow;

import io.launchpad.api.privacy.PersonalData;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import java.util.Set;

/** What a person follows is theirs: in their export, and gone with them on erasure. */
@Component
class FollowPersonalData implements PersonalData {

    private final FollowRepository repository;

    FollowPersonalData(FollowRepository repository) {
        this.repository = repository;
    }

    @Override
    public String section() {
        return "follows";
    }

    @Override
    public Set<String> tables() {
        return Set.of("challenge_follow");
    }

    @Override
    public int erasureOrder() {
        return 50;
    }

    @Override
    public Mono<Object> export(String subject) {
        return repository.allFollowedBy(subject).collectList().map(list -> list);
    }

    @Override
    public Mono<Erased> erase(String subject) {
        return repository.eraseFor(subject).map(rows -> new Erased(rows, 0));
    }

}
