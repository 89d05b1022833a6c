/* SPDX-License-Identifier: MIT */
/*
 * The timer tick. The PIT interrupts HZ = 100 times a second; jiffies
 * counts the ticks since boot. Each tick calls scheduler_tick() (the
 * time slice is counted in ticks, see the scheduler).
 */
#ifndef _LINUX_JIFFIES_H
#define _LINUX_JIFFIES_H

#define HZ	100

extern volatile unsigned long jiffies;

void time_init(void);
/* Nanoseconds since boot, from jiffies. */
unsigned long long ktime_get_ns(void);

#endif
