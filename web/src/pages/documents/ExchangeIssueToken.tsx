import { Alert, Button, Code, Group, Select, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { exchangeApi } from '../../api/exchange.js';
import type { ExchangeState, IssuedToken } from '../../api/exchange.js';
import { ErrorAlert } from '../../components/common.js';
import { useUnits } from '../../session.js';

/** Issuing a connection token for a unit below: the token is shown once. */
export function ExchangeIssueToken({
  s,
  onChange,
}: {
  s: ExchangeState;
  onChange: (s: ExchangeState) => void;
}) {
  const units = useUnits(s.actions.issue);
  const [unitId, setUnitId] = useState<string | null>(null);
  const [issued, setIssued] = useState<IssuedToken | null>(null);
  const issue = useMutation({
    mutationFn: () => exchangeApi.issue(Number(unitId)),
    onSuccess: async (t) => {
      setIssued(t);
      onChange(await exchangeApi.state(s.unit.id));
    },
  });
  const below = (units.data ?? []).filter((u) => u.id !== s.unit.id);

  return (
    <Stack gap="xs" mb="md">
      <Group align="flex-end">
        <Select
          label="Đơn vị cấp dưới"
          data={below.map((u) => ({ value: String(u.id), label: `${u.name} (${u.code})` }))}
          value={unitId}
          onChange={setUnitId}
          searchable
          w={{ base: '100%', sm: 360 }}
        />
        <Button disabled={!unitId} loading={issue.isPending} onClick={() => issue.mutate()}>
          Cấp mã kết nối
        </Button>
      </Group>
      {issue.isError && <ErrorAlert error={issue.error} />}
      {issued && (
        <Alert
          color="yellow"
          variant="light"
          title={`Mã kết nối của ${issued.unit.name}`}
          data-testid="issued-token"
        >
          <Text size="sm" mb={4}>
            Mã chỉ hiện một lần: gửi cho quản trị viên của đơn vị qua kênh tin cậy. Cấp mã mới thì mã cũ hết
            hiệu lực.
          </Text>
          <Code block>{issued.token}</Code>
        </Alert>
      )}
    </Stack>
  );
}
