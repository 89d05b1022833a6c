// SPDX-License-Identifier: MIT
/*
 * The kernel command line: kept as given in boot_command_line, parsed
 * word by word ("name" or "name=value") for early_param() handlers, and
 * searchable with cmdline_get().
 */
#include <linux/init.h>
#include <linux/string.h>
#include <linux/kernel.h>

#define COMMAND_LINE_SIZE	1024

char boot_command_line[COMMAND_LINE_SIZE];

extern const struct obs_kernel_param __start_early_params[], __stop_early_params[];

/*
 * Copy the next word of *cursor into @word (at most @size - 1 characters) and
 * advance *cursor past it. Returns false at the end of the line.
 */
static bool next_word(const char **cursor, char *word, size_t size)
{
	const char *p = *cursor;
	size_t n = 0;

	while (*p == ' ')
		p++;
	if (!*p)
		return false;
	while (*p && *p != ' ') {
		if (n + 1 < size)
			word[n++] = *p;
		p++;
	}
	word[n] = '\0';
	*cursor = p;
	return true;
}

/* Call the early_param() handler of every NAME or NAME=VALUE word of the command line. */
void parse_early_param(void)
{
	const char *cursor = boot_command_line;
	char word[256];

	while (next_word(&cursor, word, sizeof(word))) {
		char *equals = strchr(word, '=');
		char *value = equals ? equals + 1 : word + strlen(word);

		if (equals)
			*equals = '\0';
		for (const struct obs_kernel_param *p = __start_early_params; p < __stop_early_params; p++)
			if (strcmp(p->str, word) == 0)
				p->setup_func(value);
	}
}

const char *cmdline_get(const char *name)
{
	static char value[256];
	const char *cursor = boot_command_line;
	char word[256];
	size_t name_length = strlen(name);

	while (next_word(&cursor, word, sizeof(word))) {
		if (strcmp(word, "--") == 0)	/* the rest is init's, as in Linux */
			break;
		if (strncmp(word, name, name_length) != 0)
			continue;
		if (word[name_length] == '=') {
			strlcpy(value, word + name_length + 1, sizeof(value));
			return value;
		}
		if (word[name_length] == '\0')
			return "";
	}
	return NULL;
}
