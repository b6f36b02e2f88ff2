package io.launchpad.infra.launcher;

import io.launchpad.infra.stack.LaunchpadStack;

import java.util.concurrent.CountDownLatch;

/**
 * The run command: the whole product on embedded components with demo data, kept in
 * {@code .launchpad/} between runs. Stops everything on Ctrl-C.
 */
public final class LaunchpadMain {

    private LaunchpadMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        // ./mvnw -Prun -Dlaunchpad.cluster=true: three Elasticsearch nodes, two API
        // instances behind HAProxy
        LaunchpadStack stack = LaunchpadStack
            .start(LaunchpadStack.Options.dev().cluster(Boolean.getBoolean("launchpad.cluster")));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // GreenMail keeps mail in memory: show what was sent before it goes
            System.out.println("Emails sent during this run: " + stack.mail().received().size());
            stack.mail().received().forEach(line -> System.out.println("  " + line));
            stack.close();
            stopped.countDown();
        }, "launchpad-stop"));
        System.out.println(Banner.of(stack));
        stopped.await();
    }

}
