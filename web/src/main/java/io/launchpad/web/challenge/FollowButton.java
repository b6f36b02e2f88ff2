package io.launchpad.web.challenge;

/**
 * The Follow / Unfollow form a supplier sees on a challenge; the API keeps who follows
 * what.
 */
record FollowButton(boolean following) {

    /** Where the form posts; public because SpEL only invokes public methods. */
    public String action() {
        return following ? "unfollow" : "follow";
    }
}
