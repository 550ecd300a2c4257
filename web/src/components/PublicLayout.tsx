import { Box, Container, Group, Text, ThemeIcon } from '@mantine/core';
import { IconBuildingCommunity } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/**
 * The citizen-facing pages (no login): a light page, phone first, with none of the staff app's
 * menus and no request about the signed-in user or the units.
 */
export function PublicLayout({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Box mih="100vh" bg="var(--mantine-color-gray-0)" data-testid="public-layout">
      <Box component="header" bg="blue.7" c="white" py="sm">
        <Container size="sm">
          <Group gap="sm" wrap="nowrap">
            <ThemeIcon size={36} radius="md" color="white" variant="white" aria-hidden>
              <IconBuildingCommunity size={22} color="var(--mantine-color-blue-7)" />
            </ThemeIcon>
            <div>
              <Text size="xs" opacity={0.85} lh={1.2}>
                Bộ phận Một cửa
              </Text>
              <Text fw={700} lh={1.3}>
                {title}
              </Text>
            </div>
          </Group>
        </Container>
      </Box>
      <Container size="sm" py="lg" px="md" component="main">
        {children}
      </Container>
    </Box>
  );
}
