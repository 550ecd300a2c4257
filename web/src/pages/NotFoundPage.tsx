import { Button, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <Stack align="flex-start">
      <Title order={2}>Không tìm thấy trang</Title>
      <Text c="dimmed">Đường dẫn này không tồn tại hoặc đã bị thay đổi.</Text>
      <Button component={Link} to="/">
        Về trang tổng quan
      </Button>
    </Stack>
  );
}
