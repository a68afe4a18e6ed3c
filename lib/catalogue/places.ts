/**
 * The places shipped in data/places.json (towns and cities from GeoNames), checked against their
 * schema once when first read: a malformed file fails loudly rather than drawing nonsense.
 */
import { z } from 'zod';
import placesJson from '@/data/places.json';
import { placeRecordSchema, type PlaceRecord } from './place-record';

export const PLACES: readonly PlaceRecord[] = z.array(placeRecordSchema).parse(placesJson);
