// SPDX-License-Identifier: MIT
/*
 * Random numbers (the role of Linux's drivers/char/random.c, not its
 * design): a xorshift64* generator whose state is stirred with the
 * time-stamp counter on every request. The output looks random to
 * programs (hash seeds, AT_RANDOM, mkstemp names) but is predictable to
 * anyone who can estimate the TSC: it is not a cryptographic source, and
 * getrandom here never blocks, whatever its flags.
 */
#include <linux/kernel.h>
#include <linux/random.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/uaccess.h>
#include <linux/syscalls.h>
#include <asm/processor.h>

#define GRND_NONBLOCK	0x0001
#define GRND_RANDOM	0x0002
#define GRND_INSECURE	0x0004

static u64 random_state = 0x9e3779b97f4a7c15ULL;

static u64 random_next(void)
{
	u64 x = random_state;

	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	random_state = x;
	return x * 0x2545f4914f6cdd1dULL;
}

void get_random_bytes(void *buf, size_t len)
{
	char *out = buf;

	random_state ^= rdtsc() * 0xff51afd7ed558ccdULL;
	if (!random_state)
		random_state = 1;	/* xorshift's one fixed point */
	while (len) {
		u64 word = random_next();
		size_t chunk = min_t(size_t, len, sizeof(word));

		memcpy(out, &word, chunk);
		out += chunk;
		len -= chunk;
	}
}

/*
 * getrandom(2): @count pseudo-random bytes into @buf (at most INT_MAX, as
 * Linux caps them); the bytes written or -EINVAL / -EFAULT. The flags are
 * checked as Linux checks them; none changes the source.
 */
SYSCALL_DEFINE3(getrandom, char __user *, buf, size_t, count, unsigned int, flags)
{
	char chunk[256];
	size_t done = 0;

	if (flags & ~(GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE))
		return -EINVAL;
	if ((flags & (GRND_INSECURE | GRND_RANDOM)) == (GRND_INSECURE | GRND_RANDOM))
		return -EINVAL;
	count = min_t(size_t, count, INT_MAX);
	while (done < count) {
		size_t n = min_t(size_t, count - done, sizeof(chunk));

		get_random_bytes(chunk, n);
		if (copy_to_user(buf + done, chunk, n))
			return done ? (long)done : -EFAULT;
		done += n;
	}
	return done;
}
