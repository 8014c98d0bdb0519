/** A document read from the server with useBridgeQuery, shown in the panel as DocumentView draws a file. */
import { DocumentView, type FileData } from '../online/DocumentView';

/** The part of a bridge query the view reads: its file, its failure and a retry. */
export interface FileQuery {
  data: FileData | undefined;
  error: unknown;
  isPending: boolean;
  refetch: () => unknown;
}

export function FetchedDocument({ query, label }: { query: FileQuery; label: string }) {
  return (
    <DocumentView
      file={query.data}
      error={query.error}
      loading={query.isPending}
      onRetry={() => void query.refetch()}
      label={label}
    />
  );
}
