package io.launchpad.infra.launcher;

import io.launchpad.infra.stack.LaunchpadStack;

/**
 * What someone who just ran the product needs: where it is, how to sign in, where the
 * logs are.
 */
final class Banner {

    private Banner() {
    }

    static String of(LaunchpadStack stack) {
        StringBuilder text = new StringBuilder();
        text.append("\n================ Launchpad is running ================\n");
        text.append("  Web:            ").append(stack.web().baseUrl()).append('\n');
        text.append("  API:            ").append(stack.apiUrl()).append("/api/v1  (e.g. /api/v1/challenges)\n");
        stack.componentUrls()
            .forEach((name,
                    url) -> text.append("  ").append(String.format("%-16s", name + ":")).append(url).append('\n'));
        text.append("\n  Demo logins (password: launchpad)\n");
        text.append(
                "    amara.okafor  association  Riverside Housing  (sees matches for her challenges and board roles)\n");
        text.append("    ben.hughes    association  Northgate Homes\n");
        text.append("    sofia.marin   supplier     Sensorly\n");
        text.append("    tom.reid      supplier     FixFlow\n");
        text.append("    chidi.eze     candidate\n");
        text.append("    admin         admin\n");
        text.append("  Or create your own account (Sign in, then \"Create an account\"); the confirmation email\n");
        text.append("  and every other email sent is in the mailbox: ").append(stack.mailbox().baseUrl()).append('\n');
        text.append("\n  Started in ").append(stack.startMillis() / 1000).append(" s; memory (RSS):");
        stack.residentMemoryMiB()
            .forEach((name, mib) -> text.append(' ').append(name).append(' ').append(mib).append(" MiB;"));
        text.append("\n  Logs: .launchpad/")
            .append(stack.apis().size() > 1 ? "cluster/" : "")
            .append("logs/   Stop: Ctrl-C\n");
        text.append("======================================================\n");
        return text.toString();
    }

}
