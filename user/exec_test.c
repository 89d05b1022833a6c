/*
 * The initial stack as Linux lays it out: argc, argv[], NULL, envp[], NULL,
 * then the auxiliary vector. Checks the arguments it was given (run it as
 * "exec_test one 'two words'"), the environment, and the auxv entries a C
 * library relies on. Runs on Linux too.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "test.h"

#define AT_NULL		0
#define AT_PHDR		3
#define AT_PHENT	4
#define AT_PHNUM	5
#define AT_PAGESZ	6
#define AT_ENTRY	9
#define AT_RANDOM	25
#define AT_EXECFN	31

/* The value of auxv entry @type, found after envp's NULL; 0 if absent. */
static unsigned long auxv_value(char **envp, unsigned long type)
{
	unsigned long *auxv;

	while (*envp)
		envp++;
	for (auxv = (unsigned long *)(envp + 1); auxv[0] != AT_NULL; auxv += 2)
		if (auxv[0] == type)
			return auxv[1];
	return 0;
}

extern char _start[];

int main(int argc, char **argv, char **envp)
{
	const unsigned char *random = (const unsigned char *)auxv_value(envp, AT_RANDOM);
	const char *execfn = (const char *)auxv_value(envp, AT_EXECFN);
	const unsigned int *phdr = (const unsigned int *)auxv_value(envp, AT_PHDR);
	int random_nonzero = 0;

	test_plan(11);
	check(argc == 3, "argc is 3");
	check(argc == 3 && strcmp(argv[1], "one") == 0 && strcmp(argv[2], "two words") == 0,
	      "argv[1] and argv[2] as given");
	check(argv[argc] == NULL, "argv ends with NULL");
	check(((unsigned long)argv & 7) == 0 && ((unsigned long)(argv - 1) & 15) == 0,
	      "argc sits at a 16-byte aligned stack pointer");
	check(getenv("PATH") != NULL, "PATH is in the environment");
	check(auxv_value(envp, AT_PAGESZ) == 4096, "AT_PAGESZ is 4096");
	check(auxv_value(envp, AT_ENTRY) == (unsigned long)_start, "AT_ENTRY is _start");
	check(auxv_value(envp, AT_PHENT) == 56 && auxv_value(envp, AT_PHNUM) >= 2,
	      "AT_PHENT is 56, AT_PHNUM at least 2");
	check(phdr && (phdr[0] == 1 /* PT_LOAD */ || phdr[0] == 6 /* PT_PHDR */),
	      "AT_PHDR points at the program headers");
	for (int i = 0; random && i < 16; i++)
		random_nonzero |= random[i];
	check(random_nonzero, "AT_RANDOM points at 16 bytes");
	check(execfn && strstr(execfn, "exec_test") != NULL, "AT_EXECFN names the program");
	return test_exit_status();
}
