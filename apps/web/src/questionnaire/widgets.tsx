import { Checkbox, Group, NativeSelect, Radio, Stack, Textarea, TextInput, type TextInputProps } from '@mantine/core';
import type { RegistryWidgetsType, RJSFSchema, WidgetProps } from '@rjsf/utils';
import type { ChangeEvent } from 'react';
import { useFormT } from './use-form-t';
import type { Answers } from './answers';

type Props = WidgetProps<Answers, RJSFSchema>;

/** What every input shares: its id, label, required mark, and an empty field meaning "no answer". */
function common({ id, label, hideLabel, required, disabled, readonly, rawErrors, onBlur, onFocus, value }: Props) {
  return {
    id,
    label: hideLabel ? undefined : label,
    withAsterisk: required,
    disabled,
    readOnly: readonly,
    error: rawErrors && rawErrors.length > 0 ? rawErrors.join(' ') : undefined,
    onBlur: () => onBlur(id, value),
    onFocus: () => onFocus(id, value),
  };
}

const text = (value: unknown): string =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
const emptyAsUndefined = (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) =>
  event.target.value === '' ? undefined : event.target.value;

/** A one-line input of the given kind; an emptied field is no answer. */
function Input({ widget, ...extra }: { widget: Props } & Omit<TextInputProps, 'value' | 'onChange'>) {
  return (
    <TextInput
      {...common(widget)}
      {...extra}
      value={text(widget.value)}
      onChange={(event) => widget.onChange(emptyAsUndefined(event))}
    />
  );
}

/** Plain text, or a number when the schema says so (the library turns the text into the number). */
function TextWidget(props: Props) {
  const { type, minimum, maximum, maxLength } = props.schema;
  const numeric = type === 'number' || type === 'integer';
  return (
    <Input
      widget={props}
      type={numeric ? 'number' : 'text'}
      inputMode={numeric ? (type === 'integer' ? 'numeric' : 'decimal') : undefined}
      min={minimum}
      max={maximum}
      step={type === 'integer' ? 1 : 'any'}
      maxLength={maxLength}
    />
  );
}

/** A year, four digits within the schema's bounds. */
function YearWidget(props: Props) {
  return <TextWidget {...props} schema={{ ...props.schema, type: 'integer' }} />;
}

/** A percentage between 0 and 100, with its sign beside the field. */
function PercentageWidget(props: Props) {
  return (
    <Input widget={props} type="number" inputMode="decimal" min={0} max={100} step="any" rightSection="%" maw={200} />
  );
}

/** A web address (http or https). */
function WebAddressWidget(props: Props) {
  return <Input widget={props} type="url" inputMode="url" autoComplete="url" maxLength={props.schema.maxLength} />;
}

/** A date, with the browser's own date picker. */
function DateWidget(props: Props) {
  return <Input widget={props} type="date" maw={220} />;
}

/** A longer text: grows with what is written, up to the schema's limit. */
function BoundedTextWidget(props: Props) {
  return (
    <Textarea
      {...common(props)}
      autosize
      minRows={3}
      maxLength={props.schema.maxLength}
      value={text(props.value)}
      onChange={(event) => props.onChange(emptyAsUndefined(event))}
    />
  );
}

/** A choice among many (currencies: ISO codes, shown as they are). */
function SelectWidget(props: Props) {
  const t = useFormT();
  const options = props.options.enumOptions ?? [];
  return (
    <NativeSelect
      {...common(props)}
      maw={320}
      value={text(props.value)}
      data={[{ value: '', label: t('choose') }, ...options.map((o) => ({ value: String(o.value), label: o.label }))]}
      onChange={(event) => props.onChange(emptyAsUndefined(event))}
    />
  );
}

/** A choice among a few (yes / no, a rank): radio buttons, side by side. */
function RadioWidget(props: Props) {
  const options = props.options.enumOptions ?? [];
  const { onBlur: _blur, onFocus: _focus, ...rest } = common(props);
  return (
    <Radio.Group {...rest} value={text(props.value)} onChange={(value) => props.onChange(value || undefined)}>
      <Group gap="lg" mt="xs">
        {options.map((o, i) => (
          <Radio key={String(o.value)} id={`${props.id}-${i}`} value={String(o.value)} label={o.label} />
        ))}
      </Group>
    </Radio.Group>
  );
}

/** Several of a list (groups covered, dimensions of diversity). */
function CheckboxesWidget(props: Props) {
  const options = props.options.enumOptions ?? [];
  const { onBlur: _blur, onFocus: _focus, ...rest } = common(props);
  const value = Array.isArray(props.value) ? props.value.map(String) : [];
  return (
    <Checkbox.Group {...rest} value={value} onChange={(next) => props.onChange(next.length > 0 ? next : undefined)}>
      <Stack gap="xs" mt="xs">
        {options.map((o, i) => (
          <Checkbox key={String(o.value)} id={`${props.id}-${i}`} value={String(o.value)} label={o.label} />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}

export const widgets: RegistryWidgetsType<Answers, RJSFSchema> = {
  TextWidget,
  shortText: TextWidget,
  year: YearWidget,
  percentage: PercentageWidget,
  webAddress: WebAddressWidget,
  URLWidget: WebAddressWidget,
  boundedText: BoundedTextWidget,
  TextareaWidget: BoundedTextWidget,
  DateWidget,
  currency: SelectWidget,
  SelectWidget,
  RadioWidget,
  CheckboxesWidget,
};
