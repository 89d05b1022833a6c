// SPDX-License-Identifier: MIT
/*
 * A program written for Linux with only the headers the libc provides.
 * tests/libc/run-on-host.sh builds it unchanged against glibc and against
 * this libc and requires the same output and exit status. It prints no
 * addresses or process ids, so the output is the same on every run.
 */
#include <assert.h>
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <setjmp.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int compare_ints(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

static const char *volatile long_text = "truncated output";
static volatile size_t huge = SIZE_MAX;

static void formatting(void)
{
	char buf[64];
	int n;

	printf("[%d] [%5d] [%-5d] [%05d] [%+d] [% d] [%.3d]\n", 42, 42, 42, 42, 42, 42, 42);
	printf("[%x] [%X] [%#x] [%o] [%#o] [%u]\n", 255u, 255u, 255u, 8u, 8u, 4000000000u);
	printf("[%ld] [%lld] [%lu] [%zu] [%hhd] [%hd]\n", LONG_MIN, LLONG_MAX, ULONG_MAX,
	       sizeof(long), (signed char)-5, (short)-300);
	printf("[%s] [%10s] [%-10s] [%.2s] [%c] [%%]\n", "str", "right", "left", "cut", 'c');
	printf("[%p] [%*d] [%-*d] [%.*s]\n", (void *)0, 6, 7, 6, 7, 3, "precision");
	printf("[%jd] [%td] [%#.0o] [%.0d]\n", (intmax_t)-9, (ptrdiff_t)-3, 0u, 0);
	n = snprintf(buf, 8, "%s", long_text);
	printf("snprintf: %d \"%s\"\n", n, buf);
}

static void strings_and_numbers(void)
{
	char text[] = "alpha, beta,,gamma";
	char *save, *word;
	int values[] = { 5, -2, 9, 0, 3, 3, -7 };
	int key = 9, *hit;
	char *end;
	char *copy = strdup("Hello");
	unsigned long big;

	for (word = strtok_r(text, ", ", &save); word; word = strtok_r(NULL, ", ", &save))
		printf("word \"%s\" (%zu)\n", word, strlen(word));
	printf("strstr: %s\n", strstr("find the needle here", "needle"));
	printf("strcmp: %d %d %d\n", strcmp("a", "b") < 0, strcmp("b", "a") > 0, strcmp("x", "x"));
	printf("strcasecmp: %d, strncmp: %d\n", strcasecmp("HeLLo", "hello"), strncmp("abc", "abd", 2));
	printf("strchr: %s, strrchr: %s\n", strchr("a/b/c", '/'), strrchr("a/b/c", '/'));
	printf("strndup: %s, toupper: %c, isdigit: %d\n", copy ? copy : "?", toupper('q'),
	       !!isdigit('7'));
	free(copy);
	printf("strtol: %ld %ld %ld\n", strtol("  -123xyz", &end, 10), strtol("0x1f", NULL, 0),
	       strtol("0777", NULL, 0));
	printf("strtol end: \"%s\"\n", end);
	errno = 0;
	big = strtoul("99999999999999999999999", NULL, 10);
	printf("strtoul overflow: %lu %s\n", big, errno == ERANGE ? "ERANGE" : "no error");
	printf("strtoull: %llu, atoi: %d, abs: %d\n", strtoull("18446744073709551615", NULL, 10),
	       atoi(" 77 "), abs(-5));
	qsort(values, sizeof(values) / sizeof(values[0]), sizeof(int), compare_ints);
	for (size_t i = 0; i < sizeof(values) / sizeof(values[0]); i++)
		printf("%d%c", values[i], i + 1 < sizeof(values) / sizeof(values[0]) ? ' ' : '\n');
	hit = bsearch(&key, values, sizeof(values) / sizeof(values[0]), sizeof(int), compare_ints);
	printf("bsearch 9: index %ld\n", hit ? (long)(hit - values) : -1L);
	printf("strerror(ENOENT): %s\n", strerror(ENOENT));
	printf("strerror(ENOMEM): %s\n", strerror(ENOMEM));
}

static void memory(void)
{
	size_t i, sum = 0;
	char *p = malloc(100), *q;
	int *zeros = calloc(1000, sizeof(int));
	void *aligned = NULL, *big;
	char *map;
	int ret;

	assert(p && zeros);
	memset(p, 'x', 100);
	q = realloc(p, 100000);
	for (i = 0; i < 100; i++)
		sum += q[i] == 'x';
	printf("realloc kept %zu bytes\n", sum);
	for (i = 0, sum = 0; i < 1000; i++)
		sum += zeros[i];
	printf("calloc sum %zu\n", sum);
	ret = posix_memalign(&aligned, 4096, 10);
	printf("posix_memalign: %d, aligned: %d\n", ret,
	       aligned && ((uintptr_t)aligned % 4096) == 0);
	errno = 0;
	big = calloc(huge, 2);
	printf("calloc overflow: %s %s\n", big ? "non-NULL" : "NULL",
	       errno == ENOMEM ? "ENOMEM" : "?");
	free(q);
	free(zeros);
	free(aligned);
	map = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	printf("mmap: %s, zero: %d\n", map == MAP_FAILED ? "failed" : "ok", map[8191] == 0);
	map[0] = 1;
	printf("munmap: %d\n", munmap(map, 8192));
	printf("sbrk(0) twice equal: %d\n", sbrk(0) == sbrk(0));
}

static jmp_buf jump_back;
static volatile int jumps;

/* Deep calls, then a longjmp back over them; a value of 0 arrives as 1. */
static __attribute__((noinline)) int dive(int depth, int value)
{
	volatile char frame[64];

	frame[0] = (char)depth;
	if (depth < 0)
		return 0;
	if (depth == 0)
		longjmp(jump_back, value);
	return dive(depth - 1, value) + frame[0];
}

static void alarm_jump(int sig)
{
	(void)sig;
	longjmp(jump_back, 99);
}

static void jumps_back(void)
{
	register long kept = 12345;	/* a callee-saved register must survive */
	volatile int round = 0;
	int value = setjmp(jump_back);

	jumps++;
	if (round < 3) {
		round++;
		dive(10, round == 1 ? 0 : round * 10);
	}
	printf("setjmp returned %d after %d jumps, kept %ld\n", value, jumps, kept);
	if (value != 99) {
		sigset_t none;

		signal(SIGALRM, alarm_jump);
		raise(SIGALRM);		/* the handler jumps back here; SIGALRM stays blocked */
		sigemptyset(&none);
		sigprocmask(SIG_SETMASK, &none, NULL);
	}
}

static void processes(void)
{
	struct stat st;
	int status = 0, ret;
	pid_t child;

	fflush(stdout);	/* the child must not print our buffer again */
	child = fork();
	if (child == 0) {
		printf("child says hello\n");
		exit(7);
	}
	printf("waitpid: %d\n", waitpid(child, &status, 0) == child);
	printf("exited: %d, status: %d\n", WIFEXITED(status), WEXITSTATUS(status));
	child = fork();
	if (child == 0) {
		kill(getpid(), SIGTERM);
		_exit(0);
	}
	waitpid(child, &status, 0);
	printf("signaled: %d, signal: %d\n", WIFSIGNALED(status), WTERMSIG(status));
	printf("getppid differs from getpid: %d\n", getppid() != getpid());
	ret = open("/nonexistent/file", O_RDONLY);
	printf("fstat(0) works: %d, open missing: %d %s\n", fstat(0, &st) == 0, ret,
	       strerror(errno));
	{
		struct timespec t0, t1, nap = { 0, 1000000 };

		clock_gettime(CLOCK_MONOTONIC, &t0);
		nanosleep(&nap, NULL);
		clock_gettime(CLOCK_MONOTONIC, &t1);
		printf("time moves forward: %d\n",
		       t1.tv_sec > t0.tv_sec || (t1.tv_sec == t0.tv_sec && t1.tv_nsec > t0.tv_nsec));
	}
}

int main(int argc, char **argv)
{
	formatting();
	strings_and_numbers();
	memory();
	processes();
	jumps_back();
	fprintf(stderr, "to stderr: %s\n", argc > 0 && argv[0] ? "argv ok" : "no argv");
	puts("done");
	return 3;
}
