import DeleteIcon from '@mui/icons-material/Delete';
import FileIcon from '@mui/icons-material/InsertDriveFileOutlined';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Box, Button, Card, CardContent, IconButton, LinearProgress, Link, List, ListItem, Typography } from '@mui/material';
import { CASE_DOCUMENT_EXTENSIONS, MAX_CASE_DOCUMENT_BYTES } from '@rollcall/domain';
import { useId, useRef, useState, type ChangeEvent } from 'react';
import { Confirm, HttpError, useDataProvider, useLogoutIfAccessDenied, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { formatDateTime } from '../common/dates';
import { EmptyNote } from '../common/ItemRow';
import { PanelSlot } from '../common/PanelColumns';
import { TitledSection } from '../common/TitledSection';
import type { CaseRecord } from './caseText';
import { downloadCaseDocument, fileSizeText, fileTypeText, uploadCaseDocument, type CaseDocumentRecord } from './caseDocumentFiles';

/** What the file picker offers: the types the API accepts (it checks each file by its content). */
const ACCEPT = CASE_DOCUMENT_EXTENSIONS.map((e) => `.${e}`).join(',');

/**
 * The case's documents (letters, reports, statements): each with its type, size, who uploaded it and when; its name
 * downloads it (with the user's token: fetched, then saved under its own name). "Upload document" for whoever may add
 * to the case (its team, or the branch's secretary and admins): the upload shows its progress, and the API's reason
 * when it refuses a file stays under the button. Delete, after a confirmation, where the API says the user may.
 * `order`: the panel's place when the case page is one column (a phone).
 */
export const CaseDocuments = ({ order }: { order: number }) => {
  const record = useRecordContext<CaseRecord & { documents?: CaseDocumentRecord[] }>();
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const logoutIfAccessDenied = useLogoutIfAccessDenied();
  const input = useRef<HTMLInputElement>(null);
  const errorId = useId();
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [downloading, setDownloading] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<CaseDocumentRecord | null>(null);
  if (!record) return null;
  const caseId = String(record.id);
  const documents = record.documents ?? [];
  const uploading = progress !== null;

  const failed = async (e: unknown, fallback: string): Promise<string | null> => {
    // A session that has ended sends the user to sign in again, as any page would.
    if (e instanceof HttpError && e.status === 401 && (await logoutIfAccessDenied(e))) return null;
    return e instanceof Error ? e.message : fallback;
  };

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = ''; // the same file can be chosen again after a refusal
    if (!file || uploading) return;
    setError(null);
    setProgress(0);
    try {
      const stored = await uploadCaseDocument(caseId, file, setProgress);
      notify(`Uploaded ${stored.filename}`, { type: 'success' });
      refresh();
    } catch (e) {
      setError(await failed(e, 'The document was not uploaded'));
    } finally {
      setProgress(null);
    }
  };

  const download = async (doc: CaseDocumentRecord) => {
    setDownloading(doc.id);
    try {
      await downloadCaseDocument(caseId, doc);
    } catch (e) {
      const message = await failed(e, 'The document was not downloaded');
      if (message) notify(message, { type: 'error' });
    } finally {
      setDownloading(null);
    }
  };

  const remove = async (doc: CaseDocumentRecord) => {
    setDeleting(null);
    try {
      await dataProvider.delete('CaseDocument', { id: doc.id, previousData: doc });
      notify(`Deleted ${doc.filename}`, { type: 'success' });
      refresh();
    } catch (e) {
      const message = await failed(e, 'The document was not deleted');
      if (message) notify(message, { type: 'error' });
    }
  };

  return (
    <PanelSlot order={order}>
      <Card variant="outlined">
        <CardContent>
          <TitledSection
            title="Documents"
            actions={
              record.mayAddNote && (
                <Button
                  size="small"
                  variant="outlined"
                  startIcon={<UploadFileIcon />}
                  onClick={() => input.current?.click()}
                  disabled={uploading}
                  aria-busy={uploading}
                  aria-describedby={error ? errorId : undefined}
                >
                  {uploading ? `Uploading… ${Math.round((progress ?? 0) * 100)}%` : 'Upload document'}
                </Button>
              )
            }
          >
            {record.mayAddNote && (
              <input ref={input} type="file" accept={ACCEPT} onChange={upload} hidden data-testid="case-document-input" aria-label="Document to upload" />
            )}
            {uploading && (
              <LinearProgress variant="determinate" value={(progress ?? 0) * 100} aria-label="Upload progress" sx={{ mb: 1 }} />
            )}
            {error && (
              <Typography id={errorId} role="alert" variant="body2" color="error" sx={{ mb: 1, overflowWrap: 'anywhere' }}>
                {error}
              </Typography>
            )}
            {documents.length === 0 ? (
              <EmptyNote>
                No documents yet.
                {record.mayAddNote && ` Letters, reports, statements and photos of paper: PDF, Word, Excel, PowerPoint, OpenDocument or images, up to ${MAX_CASE_DOCUMENT_BYTES / (1024 * 1024)} MB each.`}
              </EmptyNote>
            ) : (
              <List dense disablePadding aria-label="Documents">
                {documents.map((d) => (
                  <ListItem
                    key={d.id}
                    disableGutters
                    divider
                    data-testid="case-document"
                    sx={{ alignItems: 'flex-start', gap: 1, py: 1 }}
                    secondaryAction={
                      d.mayDelete && (
                        <IconButton edge="end" aria-label={`Delete ${d.filename}`} onClick={() => setDeleting(d)}>
                          <DeleteIcon />
                        </IconButton>
                      )
                    }
                  >
                    <FileIcon fontSize="small" color="action" sx={{ mt: 0.25 }} aria-hidden />
                    <Box sx={{ minWidth: 0, pr: d.mayDelete ? 5 : 0 }}>
                      <Link
                        component="button"
                        type="button"
                        variant="body2"
                        onClick={() => download(d)}
                        disabled={downloading === d.id}
                        aria-label={`Download ${d.filename}`}
                        sx={{ fontWeight: 600, textAlign: 'left', overflowWrap: 'anywhere' }}
                      >
                        {d.filename}
                      </Link>
                      <Typography variant="body2" color="text.secondary">
                        {[fileTypeText(d.mediaType), fileSizeText(d.size), d.uploadedByName ?? 'Someone', formatDateTime(d.createdAt)].join(' · ')}
                        {downloading === d.id && ' · downloading…'}
                      </Typography>
                    </Box>
                  </ListItem>
                ))}
              </List>
            )}
          </TitledSection>
          <Confirm
            isOpen={deleting !== null}
            title={`Delete ${deleting?.filename ?? 'this document'}?`}
            content="It is removed from the case for everyone, and cannot be downloaded again. The audit log keeps a record that it was here."
            confirm="Delete"
            confirmColor="warning"
            onConfirm={() => deleting && remove(deleting)}
            onClose={() => setDeleting(null)}
          />
        </CardContent>
      </Card>
    </PanelSlot>
  );
};
