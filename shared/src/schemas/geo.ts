import { z } from 'zod';

export const geoSearchSchema = z.object({
  q: z.string().trim().min(2).max(100),
  type: z.enum(['epci', 'commune']).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export interface GeoCommune {
  type: 'commune';
  code: string;
  nom: string;
  population: number | null;
  departement: string;
  codesPostaux: string[];
  epci: { code: string; nom: string } | null;
}

export interface GeoEpci {
  type: 'epci';
  code: string;
  nom: string;
  /** CC, CA, CU, METRO… as published by the DGCL. */
  nature: string;
  population: number | null;
  departements: string[];
  nombreCommunes: number;
}

export type GeoResult = GeoCommune | GeoEpci;

export interface GeoEpciDetail extends GeoEpci {
  communes: GeoCommune[];
}
