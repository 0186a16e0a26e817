/** resource.ParseQuantity's accepted syntax (logging infoBufferSize), with upstream's error text. */
const QUANTITY = /^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?$/;

export const QUANTITY_ERROR = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

export function isQuantity(value: string): boolean {
  return QUANTITY.test(value.trim());
}

/** Whether a valid quantity is zero ("0", "0Mi", 0). */
export function quantityIsZero(value: string | number): boolean {
  if (typeof value === 'number') return value === 0;
  const number = /^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)/.exec(value.trim());
  return number !== null && Number(number[0]) === 0;
}
