import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Alert, Box, Button, Card, CardContent, LinearProgress, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { ACTION_KIND_LABELS, type ActionKind, IMPORT_FILE_EXTENSIONS, IMPORT_KIND_LABELS, ImportKind, MAX_IMPORT_BYTES } from '@rollcall/domain';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { LinkBase, Title, useGetList, useNavigate } from 'react-admin';
import { formatDay } from '../common/dates';
import { uploadImport } from './importApi';
import { fileSize } from './importWords';

/** The kinds the upload takes (the API's POST /imports): staff lists, membership lists and campaign participation. */
const KINDS = [ImportKind.STAFF, ImportKind.MEMBERSHIP, ImportKind.PARTICIPATION];

const KIND_HELP: Partial<Record<ImportKind, string>> = {
  [ImportKind.STAFF]: "An employer's staff list, such as an ESR staff-in-post export or a ward's rota.",
  [ImportKind.MEMBERSHIP]: "The union's list of members: membership number, name, workplace, status, join date.",
  [ImportKind.PARTICIPATION]: "A petition's sign-ups or a meeting's attendance: who took part in one action of a campaign. People are "
    + 'found among your branches (employee number, work email, or name and ward); nobody new is added.',
};

/** Why a chosen file cannot be sent, before sending it; null when it may be. */
export function fileProblem(file: File | null): string | null {
  if (!file) return 'Choose the file to import';
  const extension = /\.([^.]+)$/.exec(file.name)?.[1]?.toLowerCase() ?? '';
  if (!(IMPORT_FILE_EXTENSIONS as readonly string[]).includes(extension)) {
    return `${file.name} is not a CSV file or Excel workbook (.csv, .txt, .tsv or .xlsx)`;
  }
  if (file.size === 0) return `${file.name} is empty`;
  if (file.size > MAX_IMPORT_BYTES) {
    return `${file.name} is ${fileSize(file.size)}: at most ${fileSize(MAX_IMPORT_BYTES)} may be imported at once. Split it and import the parts`;
  }
  return null;
}

/** A new import: what the list is, whose it is (employer or union), and the file. */
export const NewImportPage = () => {
  const navigate = useNavigate();
  const [kind, setKind] = useState<ImportKind>(ImportKind.STAFF);
  const [employerId, setEmployerId] = useState('');
  const [unionId, setUnionId] = useState('');
  const [campaignId, setCampaignId] = useState('');
  const [actionId, setActionId] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [touched, setTouched] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const employers = useGetList('Employers', { pagination: { page: 1, perPage: 100 }, sort: { field: 'name', order: 'ASC' } });
  const unions = useGetList('Unions', { pagination: { page: 1, perPage: 100 }, sort: { field: 'name', order: 'ASC' } });
  const participation = kind === ImportKind.PARTICIPATION;
  const campaigns = useGetList('Campaigns', { pagination: { page: 1, perPage: 100 }, sort: { field: 'startDate', order: 'DESC' } }, { enabled: participation });
  const actions = useGetList('CampaignActions', {
    pagination: { page: 1, perPage: 100 }, sort: { field: 'date', order: 'DESC' }, filter: { campaignId },
  }, { enabled: participation && !!campaignId });
  const upload = useMutation({
    mutationFn: () => uploadImport(file!, participation
      ? { kind, actionId }
      : { kind, employerId: employerId || null, unionId: kind === ImportKind.MEMBERSHIP ? unionId || null : null }),
    onSuccess: ({ id }) => navigate(`/imports/${id}`),
  });

  const problems = {
    employerId: kind === ImportKind.STAFF && !employerId ? 'Choose the employer whose staff these are' : null,
    unionId: kind === ImportKind.MEMBERSHIP && !unionId ? 'Choose the union whose members these are' : null,
    campaignId: participation && !campaignId ? 'Choose the campaign' : null,
    actionId: participation && campaignId && !actionId ? 'Choose the action: the petition, meeting or other that people took part in' : null,
    file: fileProblem(file),
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (Object.values(problems).some(Boolean) || upload.isPending) return;
    upload.mutate();
  };
  const show = (key: keyof typeof problems) => (touched || (key === 'file' && file) ? problems[key] : null);

  return (
    <Box sx={{ my: 2, maxWidth: 640 }}>
      <Title title="New import" />
      <Card variant="outlined">
        <CardContent component="form" onSubmit={submit} noValidate aria-label="New import">
          <Stack spacing={2}>
            <TextField
              select label="What is the list?" value={kind} autoFocus
              onChange={(e) => setKind(e.target.value as ImportKind)} helperText={KIND_HELP[kind]}
              slotProps={{ select: { inputProps: { 'data-testid': 'import-kind' } } }}
            >
              {KINDS.map((k) => <MenuItem key={k} value={k}>{IMPORT_KIND_LABELS[k]}</MenuItem>)}
            </TextField>
            {kind === ImportKind.MEMBERSHIP ? (
              <TextField
                select label="Union" value={unionId} required onChange={(e) => setUnionId(e.target.value)}
                error={!!show('unionId')} helperText={show('unionId') ?? ' '} disabled={unions.isPending}
              >
                {(unions.data ?? []).map((u) => <MenuItem key={u.id} value={u.id}>{u.shortName ?? u.name}</MenuItem>)}
              </TextField>
            ) : null}
            {participation ? (
              <>
                <TextField
                  select label="Campaign" value={campaignId} required
                  onChange={(e) => { setCampaignId(e.target.value); setActionId(''); }}
                  error={!!show('campaignId')} helperText={show('campaignId') ?? ' '} disabled={campaigns.isPending}
                  slotProps={{ select: { inputProps: { 'data-testid': 'import-campaign' } } }}
                >
                  {(campaigns.data ?? []).map((c) => <MenuItem key={c.id} value={c.id}>{c.name}</MenuItem>)}
                </TextField>
                <TextField
                  select label="Action" value={actionId} required onChange={(e) => setActionId(e.target.value)}
                  error={!!show('actionId')} disabled={!campaignId || actions.isPending}
                  helperText={show('actionId') ?? (campaignId && actions.data && !actions.data.length
                    ? 'This campaign has no actions yet: add one on its page first'
                    : 'Each person on the list is recorded as came or signed (or invited, where the list says no)')}
                  slotProps={{ select: { inputProps: { 'data-testid': 'import-action' } } }}
                >
                  {(actions.data ?? []).map((a) => (
                    <MenuItem key={a.id} value={a.id}>{a.title} · {ACTION_KIND_LABELS[a.kind as ActionKind] ?? a.kind} · {formatDay(a.date)}</MenuItem>
                  ))}
                </TextField>
                {campaigns.error || actions.error ? (
                  <Alert severity="error">Could not load the campaigns: {(campaigns.error ?? actions.error)?.message}</Alert>
                ) : null}
              </>
            ) : null}
            {!participation ? (
              <TextField
                select label={kind === ImportKind.STAFF ? 'Employer' : 'Employer (for mapping workplaces to wards)'} value={employerId}
                required={kind === ImportKind.STAFF} onChange={(e) => setEmployerId(e.target.value)}
                error={!!show('employerId')} helperText={show('employerId') ?? ' '} disabled={employers.isPending}
              >
                {kind !== ImportKind.STAFF ? <MenuItem value=""><em>None</em></MenuItem> : null}
                {(employers.data ?? []).map((e) => <MenuItem key={e.id} value={e.id}>{e.name}</MenuItem>)}
              </TextField>
            ) : null}
            {employers.error || unions.error ? (
              <Alert severity="error">Could not load the employers and unions: {(employers.error ?? unions.error)?.message}</Alert>
            ) : null}
            <Box>
              <input
                ref={fileInput} type="file" hidden data-testid="import-file"
                accept={`${IMPORT_FILE_EXTENSIONS.map((x) => `.${x}`).join(',')},text/csv`}
                onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              />
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
                <Button variant="outlined" startIcon={<UploadFileIcon />} onClick={() => fileInput.current?.click()}>
                  {file ? 'Choose another file' : 'Choose the file'}
                </Button>
                {file ? (
                  <Typography variant="body2" sx={{ wordBreak: 'break-all' }} data-testid="import-file-name">
                    {file.name} ({fileSize(file.size)})
                  </Typography>
                ) : null}
              </Stack>
              <Typography variant="caption" color={show('file') ? 'error' : 'text.secondary'} role={show('file') ? 'alert' : undefined} sx={{ display: 'block', mt: 0.5 }}>
                {show('file') ?? `CSV (comma or semicolon, UTF-8) or an Excel workbook (.xlsx: its first sheet), up to ${fileSize(MAX_IMPORT_BYTES)}. Nothing changes until you apply it.`}
              </Typography>
            </Box>
            {upload.isPending ? <LinearProgress aria-label="Uploading" /> : null}
            {upload.error ? <Alert severity="error" data-testid="import-upload-error">{upload.error.message}</Alert> : null}
            <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
              <Button component={LinkBase} to="/imports">Cancel</Button>
              <Button type="submit" variant="contained" disabled={upload.isPending}>Upload</Button>
            </Stack>
          </Stack>
        </CardContent>
      </Card>
    </Box>
  );
};
