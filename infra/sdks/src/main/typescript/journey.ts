// A short journey with the generated TypeScript client against a running API, as a mobile app or a
// partner's web app would make it: a token from sign-in (PKCE in an app; given here by the test),
// challenges page by page with cursors, a write sent with an Idempotency-Key (repeated, answered once),
// and a refusal read as problem+json. Prints one line per step; exits non-zero on any surprise.
import { Configuration, ChallengeControllerApi, NotificationControllerApi, ResponseError } from "../typescript-client";

function check(condition: boolean, what: string): void {
    if (!condition) {
        console.error("FAIL: " + what);
        process.exit(1);
    }
    console.log("ok: " + what);
}

async function main(): Promise<void> {
    const basePath = process.env.LAUNCHPAD_API_URL ?? "";
    const token = process.env.LAUNCHPAD_TOKEN ?? "";
    // the association whose challenges are paged (the test posts three); every challenge when not given
    const organisationId = process.env.LAUNCHPAD_ORGANISATION || undefined;
    check(basePath.length > 0 && token.length > 0, "LAUNCHPAD_API_URL and LAUNCHPAD_TOKEN are given");
    const config = new Configuration({ basePath, accessToken: async () => token });
    const challenges = new ChallengeControllerApi(config);

    const first = await challenges.challengeList({ organisationId, limit: 2 });
    check((first.items ?? []).length === 2 && !!first.nextCursor, "first page of 2 challenges with a next cursor");
    const second = await challenges.challengeList({ organisationId, limit: 2, cursor: first.nextCursor ?? undefined });
    const firstIds = new Set((first.items ?? []).map(c => c.id));
    check((second.items ?? []).length > 0 && (second.items ?? []).every(c => !firstIds.has(c.id)),
        "second page follows the cursor without repeating the first");

    const notifications = new NotificationControllerApi(config);
    const key = "sdk-ts-" + Date.now();
    const body = { savedSearchFields: { query: "damp sensors", frequency: "weekly" }, idempotencyKey: key };
    const saved = await notifications.notificationSaveSearch(body);
    const again = await notifications.notificationSaveSearch(body);
    check(!!saved.id && saved.id === again.id, "a repeated write with the same Idempotency-Key is answered once");

    try {
        await challenges.challengeList({ limit: 500 });
        check(false, "a limit of 500 is refused");
    } catch (e) {
        check(e instanceof ResponseError && e.response.status === 400, "a limit of 500 is refused with 400");
        const problem = await (e as ResponseError).response.json();
        check(problem.errors?.[0]?.field === "limit", "the problem+json names the field: " + problem.errors?.[0]?.field);
    }
    await notifications.notificationDeleteSearch({ id: saved.id! });
    console.log("journey complete");
}

main().catch(e => {
    console.error("FAIL: " + e);
    process.exit(1);
});
