/* The network-namespace holder of awsvpc tasks (Gantry's pause container).
 * Blocks in pause() until SIGTERM or SIGINT, then exits 0. As PID 1 of its
 * container it must handle those signals itself (PID 1 ignores signals
 * whose action is the default). Built statically by build.rs. */
#include <signal.h>
#include <unistd.h>

static void done(int sig) {
    (void)sig;
    _exit(0);
}

int main(void) {
    struct sigaction sa;
    sa.sa_handler = done;
    sa.sa_flags = 0;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGTERM, &sa, 0);
    sigaction(SIGINT, &sa, 0);
    for (;;)
        pause();
}
