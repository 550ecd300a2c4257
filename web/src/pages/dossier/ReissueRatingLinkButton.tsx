import { Button } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { dossierApi } from '../../api/dossiers.js';
import { notifyError } from '../../components/common.js';

/** Issues the rating link again for a citizen who lost it; the old link stops working. */
export function ReissueRatingLinkButton({
  id,
  onRatingUrl,
}: {
  id: number;
  onRatingUrl: (url: string) => void;
}) {
  const reissue = useMutation({
    mutationFn: () => dossierApi.reissueRatingLink(id),
    onSuccess: (r) => onRatingUrl(r.ratingUrl),
    onError: notifyError,
  });
  return (
    <Button
      size="compact-xs"
      variant="light"
      ml="xs"
      loading={reissue.isPending}
      onClick={() => reissue.mutate()}
      title="Cấp liên kết mới; liên kết cũ sẽ hết hiệu lực"
      data-testid="rating-reissue"
    >
      Cấp lại liên kết
    </Button>
  );
}
