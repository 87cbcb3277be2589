/**
 * The table's English messages under their former name, for the table benchmark's baseline,
 * which draws the same words. Components read `messages.table` through the provider instead.
 */
export { TABLE_MESSAGES as TABLE_TEXT } from '../provider/messages';
