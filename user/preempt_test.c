/*
 * Preemption: a CPU-bound process must not starve the others. Starts a
 * child that spins forever, then checks that this process still gets to
 * run (a sleep returns, other CPU-bound children finish), and kills the
 * spinner. Without a preemptive scheduler it never gets past the first check.
 */
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "test.h"

static void spin(unsigned long iterations)
{
	for (volatile unsigned long i = 0; i < iterations; i++)
		;
}

int main(void)
{
	struct timespec tenth = { 0, 100000000 };
	pid_t spinner, workers[3];
	int status, finished = 0;

	test_plan(4);
	spinner = fork();
	if (spinner == 0)
		for (;;)
			spin(1000000);
	check(nanosleep(&tenth, NULL) == 0, "a sleep ends while another process spins");
	for (int i = 0; i < 3; i++) {
		workers[i] = fork();
		if (workers[i] == 0) {
			spin(20000000);
			_exit(i);
		}
	}
	for (int i = 0; i < 3; i++)
		if (waitpid(workers[i], &status, 0) == workers[i] && WIFEXITED(status) &&
		    WEXITSTATUS(status) == i)
			finished++;
	check(finished == 3, "three CPU-bound workers finish beside a spinning process");
	check(kill(spinner, SIGKILL) == 0, "kill the spinner");
	check(waitpid(spinner, &status, 0) == spinner && WIFSIGNALED(status) &&
	      WTERMSIG(status) == SIGKILL, "the spinner died of SIGKILL");
	return test_exit_status();
}
